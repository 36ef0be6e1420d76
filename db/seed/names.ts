import { Random, zipfWeights } from './random.js';

/** Person names: about 70% Chinese (common surnames weighted by frequency, 1-2 character given names), the rest English. */

export type Gender = 'male' | 'female';

export interface PersonName {
  name: string;
  /** Latin spelling for e-mail and WeChat IDs: pinyin for Chinese names. */
  given: string;
  family: string;
  gender: Gender;
  chinese: boolean;
}

// The most common surnames, most common first, with pinyin.
const SURNAMES: [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'],
  ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'],
  ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
  ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'],
  ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'],
  ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'], ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'],
  ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'], ['韦', 'wei'], ['付', 'fu'], ['方', 'fang'],
  ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'], ['秦', 'qin'], ['邱', 'qiu'], ['江', 'jiang'],
  ['尹', 'yin'], ['薛', 'xue'], ['闫', 'yan'], ['段', 'duan'], ['雷', 'lei'], ['侯', 'hou'], ['龙', 'long'],
  ['史', 'shi'], ['欧阳', 'ouyang'], ['司马', 'sima'], ['上官', 'shangguan'],
];
const SURNAME_WEIGHTS = zipfWeights(SURNAMES, 0.9);

// Given-name characters with pinyin; the first list leans male, the second female, the third either.
const GIVEN_MALE: [string, string][] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'],
  ['斌', 'bin'], ['超', 'chao'], ['明', 'ming'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'],
  ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'], ['健', 'jian'],
  ['俊', 'jun'], ['帆', 'fan'], ['建', 'jian'], ['国', 'guo'], ['志', 'zhi'], ['博', 'bo'], ['晨', 'chen'], ['峰', 'feng'],
  ['龙', 'long'], ['亮', 'liang'], ['成', 'cheng'], ['东', 'dong'], ['海', 'hai'], ['文', 'wen'], ['子', 'zi'], ['轩', 'xuan'],
];
const GIVEN_FEMALE: [string, string][] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'], ['霞', 'xia'],
  ['秀', 'xiu'], ['玲', 'ling'], ['婷', 'ting'], ['雪', 'xue'], ['慧', 'hui'], ['颖', 'ying'], ['琳', 'lin'], ['洁', 'jie'],
  ['倩', 'qian'], ['晶', 'jing'], ['燕', 'yan'], ['萍', 'ping'], ['红', 'hong'], ['梅', 'mei'], ['莉', 'li'], ['欣', 'xin'],
  ['怡', 'yi'], ['佳', 'jia'], ['悦', 'yue'], ['雨', 'yu'], ['思', 'si'], ['涵', 'han'], ['琪', 'qi'], ['月', 'yue'],
];
const GIVEN_EITHER: [string, string][] = [
  ['晓', 'xiao'], ['小', 'xiao'], ['春', 'chun'], ['金', 'jin'], ['玉', 'yu'], ['新', 'xin'], ['永', 'yong'], ['嘉', 'jia'],
  ['安', 'an'], ['清', 'qing'], ['宁', 'ning'], ['一', 'yi'], ['立', 'li'], ['云', 'yun'], ['天', 'tian'], ['家', 'jia'],
];

const EN_MALE = ['James', 'John', 'Robert', 'Michael', 'David', 'William', 'Richard', 'Thomas', 'Daniel', 'Matthew',
  'Andrew', 'Mark', 'Paul', 'Steven', 'Kevin', 'Brian', 'George', 'Peter', 'Eric', 'Jason', 'Tom', 'Oliver', 'Henry', 'Lucas'];
const EN_FEMALE = ['Mary', 'Jennifer', 'Linda', 'Sarah', 'Jessica', 'Karen', 'Emily', 'Emma', 'Olivia', 'Sophia', 'Anna',
  'Laura', 'Rachel', 'Amy', 'Helen', 'Grace', 'Lucy', 'Chloe', 'Hannah', 'Julia', 'Kate', 'Alice', 'Claire', 'Megan'];
const EN_FAMILY = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright',
  'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Evans', 'Turner'];

function chineseGivenChar(random: Random, gender: Gender, alone: boolean): [string, string] {
  // 晓, 小, 春… start two-character names; alone they read like nicknames.
  if (!alone && random.chance(0.25)) return random.pick(GIVEN_EITHER);
  return random.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
}

export function chineseName(random: Random): PersonName {
  const [surname, family] = random.weighted(SURNAME_WEIGHTS);
  const gender: Gender = random.chance(0.5) ? 'male' : 'female';
  // About a third of given names are one character (张伟), the rest two (张伟明).
  const chars = random.chance(0.35)
    ? [chineseGivenChar(random, gender, true)]
    : [chineseGivenChar(random, gender, false), chineseGivenChar(random, gender, false)];
  return {
    name: surname + chars.map(([c]) => c).join(''),
    given: chars.map(([, p]) => p).join(''),
    family,
    gender,
    chinese: true,
  };
}

export function englishName(random: Random): PersonName {
  const gender: Gender = random.chance(0.5) ? 'male' : 'female';
  const given = random.pick(gender === 'male' ? EN_MALE : EN_FEMALE);
  const family = random.pick(EN_FAMILY);
  return { name: `${given} ${family}`, given: given.toLowerCase(), family: family.toLowerCase(), gender, chinese: false };
}

/** A person's name; `chineseShare` of them Chinese. */
export function personName(random: Random, chineseShare = 0.7): PersonName {
  return random.chance(chineseShare) ? chineseName(random) : englishName(random);
}
