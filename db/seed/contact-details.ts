import type { PersonName } from './names.js';
import type { Random } from './random.js';

/** A contact's job title, e-mail, WeChat ID and birthday, consistent with their name and company. */

const CN_TITLES = ['总经理', '经理', '采购经理', '采购', '销售总监', '财务', '财务经理', '行政主管', '技术总监', '工程师',
  '董事长', '老板', '助理', '项目经理', '运营总监', '副总经理'];
const EN_TITLES = ['CEO', 'Managing Director', 'Purchasing Manager', 'Buyer', 'Sales Director', 'CFO', 'Office Manager',
  'CTO', 'Engineer', 'Project Manager', 'Operations Director', 'Assistant'];

const FREE_MAIL: [string, number][] = [
  ['qq.com', 5],
  ['163.com', 4],
  ['126.com', 2],
  ['sina.com', 1],
  ['gmail.com', 2],
  ['outlook.com', 1],
  ['hotmail.com', 1],
];

export function title(random: Random, person: PersonName): string | null {
  if (random.chance(0.2)) return null;
  return random.pick(person.chinese ? CN_TITLES : EN_TITLES);
}

/** A lower-case address: work (company domain) or a free mailbox; QQ mail is often just the QQ number. */
export function email(random: Random, person: PersonName, companyDomain: string | null): string {
  const domain = companyDomain && random.chance(0.6) ? companyDomain : random.weighted(FREE_MAIL);
  if (domain === 'qq.com' && random.chance(0.6)) return `${random.int(1, 9)}${random.digits(random.int(7, 9))}@qq.com`;
  const initial = person.given.slice(0, 1);
  const local = random.weighted([
    [`${person.family}${person.given}`, 4],
    [`${person.given}.${person.family}`, 3],
    [`${initial}${person.family}`, 2],
    [`${person.given}`, 1],
    [`${person.family}${person.given}${random.int(1, 99)}`, 2],
    [`${person.given}${random.int(1970, 2002)}`, 1],
  ]);
  return `${local}@${domain}`;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function wechatId(random: Random, person: PersonName): string {
  if (random.chance(0.3)) {
    let id = 'wxid_';
    for (let i = 0; i < 14; i++) id += ALNUM[random.int(0, ALNUM.length - 1)];
    return id;
  }
  return `${person.family}${person.given}${random.chance(0.5) ? random.digits(random.int(2, 4)) : ''}`.slice(0, 20);
}

/** A YYYY-MM-DD birthday for an adult aged 22-65 at `now`. */
export function birthday(random: Random, now: Date): string {
  const year = now.getUTCFullYear() - random.int(22, 65);
  const day = new Date(Date.UTC(year, 0, 1) + random.int(0, 364) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
