import type { City } from './places.js';
import type { Random } from './random.js';

/** Company names the way Chinese and foreign companies are named, with an industry and a web domain. */

export interface SeedCompany {
  name: string;
  industry: string;
  /** For contacts' work e-mail addresses. */
  domain: string;
}

interface Industry {
  label: string;
  /** Business words in Chinese names, with a Latin form for the domain. */
  words: [string, string][];
  english: string[];
  weight: number;
}

export const INDUSTRIES: Industry[] = [
  { label: '软件和信息技术', words: [['科技', 'tech'], ['软件', 'soft'], ['信息技术', 'it'], ['网络科技', 'net']], english: ['Technology', 'Software', 'Digital'], weight: 8 },
  { label: '制造业', words: [['机械', 'machinery'], ['电子', 'electronics'], ['精密制造', 'precision'], ['塑胶制品', 'plastic']], english: ['Manufacturing', 'Industries', 'Electronics'], weight: 10 },
  { label: '批发零售', words: [['贸易', 'trade'], ['商贸', 'trading'], ['百货', 'store']], english: ['Trading', 'Supply'], weight: 8 },
  { label: '建筑工程', words: [['建设工程', 'build'], ['建筑装饰', 'deco'], ['装饰工程', 'zs']], english: ['Construction', 'Builders'], weight: 5 },
  { label: '教育培训', words: [['教育科技', 'edu'], ['培训', 'training'], ['文化传播', 'culture']], english: ['Education', 'Learning'], weight: 4 },
  { label: '医疗健康', words: [['医疗器械', 'medical'], ['生物科技', 'bio'], ['药业', 'pharma']], english: ['Medical', 'Healthcare', 'Biotech'], weight: 4 },
  { label: '餐饮酒店', words: [['餐饮管理', 'food'], ['酒店管理', 'hotel']], english: ['Hospitality', 'Foods'], weight: 3 },
  { label: '物流运输', words: [['物流', 'logistics'], ['供应链管理', 'scm'], ['货运代理', 'freight']], english: ['Logistics', 'Shipping'], weight: 4 },
  { label: '房地产', words: [['房地产开发', 'estate'], ['物业管理', 'pm']], english: ['Properties', 'Realty'], weight: 2 },
  { label: '金融服务', words: [['投资管理', 'invest'], ['融资租赁', 'leasing']], english: ['Capital', 'Financial'], weight: 2 },
  { label: '广告传媒', words: [['广告', 'ad'], ['文化传媒', 'media']], english: ['Media', 'Advertising'], weight: 3 },
  { label: '农业', words: [['农业科技', 'agri'], ['生态农业', 'eco']], english: ['Agriculture', 'Farms'], weight: 2 },
  { label: '能源化工', words: [['新能源', 'energy'], ['化工', 'chem']], english: ['Energy', 'Chemicals'], weight: 3 },
  { label: '外贸', words: [['进出口', 'impex'], ['国际贸易', 'intl']], english: ['Import & Export', 'International Trading'], weight: 3 },
];
const INDUSTRY_WEIGHTS = INDUSTRIES.map((i) => [i, i.weight] as const);

// Brand syllables with pinyin.
const BRANDS: [string, string][] = [
  ['星辰', 'xingchen'], ['天府', 'tianfu'], ['华信', 'huaxin'], ['恒通', 'hengtong'], ['鼎盛', 'dingsheng'], ['宏达', 'hongda'],
  ['金桥', 'jinqiao'], ['瑞丰', 'ruifeng'], ['博远', 'boyuan'], ['中联', 'zhonglian'], ['新锐', 'xinrui'], ['远航', 'yuanhang'],
  ['凯达', 'kaida'], ['润泽', 'runze'], ['华盛', 'huasheng'], ['永兴', 'yongxing'], ['万通', 'wantong'], ['东方', 'dongfang'],
  ['长城', 'changcheng'], ['腾飞', 'tengfei'], ['嘉禾', 'jiahe'], ['盛世', 'shengshi'], ['信达', 'xinda'], ['宝利', 'baoli'],
  ['安泰', 'antai'], ['蓝海', 'lanhai'], ['云帆', 'yunfan'], ['正泰', 'zhengtai'], ['海纳', 'haina'], ['百川', 'baichuan'],
  ['聚源', 'juyuan'], ['明德', 'mingde'], ['启航', 'qihang'], ['创联', 'chuanglian'], ['金石', 'jinshi'], ['和信', 'hexin'],
  ['天成', 'tiancheng'], ['鸿运', 'hongyun'], ['联创', 'lianchuang'], ['佳和', 'jiahe'], ['通达', 'tongda'], ['汇通', 'huitong'],
  ['银河', 'yinhe'], ['紫光', 'ziguang'], ['金鹰', 'jinying'], ['锦程', 'jincheng'], ['华美', 'huamei'], ['绿源', 'lvyuan'],
  ['飞扬', 'feiyang'], ['昌盛', 'changsheng'], ['精诚', 'jingcheng'], ['同创', 'tongchuang'], ['九州', 'jiuzhou'], ['四海', 'sihai'],
];

const EN_BRANDS = ['Acme', 'Pacific', 'Summit', 'Horizon', 'Evergreen', 'Bluewave', 'Northstar', 'Crestline', 'Golden Gate',
  'Silverline', 'Redwood', 'Oakridge', 'Brightpath', 'Keystone', 'Harbor', 'Pioneer', 'Atlas', 'Meridian', 'Vertex', 'Lotus'];

const CN_SUFFIXES: [string, number][] = [
  ['有限公司', 60],
  ['股份有限公司', 8],
  ['有限责任公司', 8],
  ['集团有限公司', 3],
  ['', 8],
  ['工作室', 2],
];
const EN_SUFFIXES: [string, number][] = [
  ['Co., Ltd.', 5],
  ['Ltd.', 3],
  ['Inc.', 3],
  ['LLC', 1],
  ['GmbH', 1],
  ['Limited', 2],
];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function company(random: Random, city: City): SeedCompany {
  const industry = random.weighted(INDUSTRY_WEIGHTS);
  const english = city.country !== 'CN' && city.country !== 'HK' ? random.chance(0.8) : random.chance(0.06);
  if (english) {
    const brand = random.pick(EN_BRANDS);
    const word = random.pick(industry.english);
    return {
      name: `${brand} ${word} ${random.weighted(EN_SUFFIXES)}`,
      industry: industry.label,
      domain: `${slug(brand)}${random.chance(0.5) ? slug(word).slice(0, 6) : ''}.${random.pick(['com', 'com', 'net', 'co'])}`,
    };
  }
  const [brand, brandLatin] = random.chance(0.3)
    ? (() => {
        const [a, pa] = random.pick(BRANDS);
        const [b, pb] = random.pick(BRANDS);
        return [a.slice(0, 1) + b.slice(1), pa + pb.slice(0, 3)] as const;
      })()
    : random.pick(BRANDS);
  const [word, wordLatin] = random.pick(industry.words);
  // Most names start with the city (北京星辰科技有限公司); some with the province, some with none.
  const prefix = random.weighted([
    [city.city, 6],
    [city.province === city.city ? '' : city.province, 1],
    ['', 3],
  ]);
  return {
    name: `${prefix}${brand}${word}${random.weighted(CN_SUFFIXES)}`,
    industry: industry.label,
    domain: `${brandLatin}${random.chance(0.4) ? `-${wordLatin}` : ''}.${random.weighted([
      ['com', 5],
      ['cn', 3],
      ['com.cn', 2],
    ])}`,
  };
}
