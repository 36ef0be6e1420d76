import { parsePhone, type ParsedPhone, type PhoneKind } from '../../electron/services/validation/phone.js';
import type { City } from './places.js';
import type { Random } from './random.js';

/**
 * Phone numbers typed the way people type them (spaces, dashes, +86, extensions), then parsed with the
 * app's own parser, so what is stored is exactly what the contact form would store.
 */

export interface SeedPhone {
  /** As a person typed it. */
  typed: string;
  /** As the app stores it (E.164, optional ";ext="). */
  normalized: string;
}

// Mainland mobile prefixes in use.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151',
  '152', '153', '155', '156', '157', '158', '159', '166', '170', '173', '175', '176', '177', '178', '180', '181', '182',
  '183', '184', '185', '186', '187', '188', '189', '191', '193', '195', '196', '198', '199'];

// Templates per country: x is a random digit. Mobile first, landline second.
const INTERNATIONAL: Record<Exclude<City['country'], 'CN'>, { mobile: string[]; landline: string[] }> = {
  HK: { mobile: ['+852 9xxx xxxx', '+852 6xxx xxxx', '+852 5xxx xxxx'], landline: ['+852 2xxx xxxx', '+852 3xxx xxxx'] },
  SG: { mobile: ['+65 9xxx xxxx', '+65 8xxx xxxx'], landline: ['+65 6xxx xxxx'] },
  US: {
    mobile: ['+1 415 2xx xxxx', '+1 212 3xx xxxx', '+1 646 4xx xxxx', '+1 650 7xx xxxx'],
    landline: ['+1 (415) 8xx-xxxx', '+1 (212) 9xx-xxxx'],
  },
  GB: { mobile: ['+44 7700 9xxxxx', '+44 7911 xxxxxx'], landline: ['+44 20 79xx xxxx'] },
  DE: { mobile: ['+49 151 xxxxxxxx', '+49 170 xxxxxxx'], landline: ['+49 30 xxxxxxxx'] },
  JP: { mobile: ['+81 90 xxxx xxxx', '+81 80 xxxx xxxx'], landline: ['+81 3 xxxx xxxx'] },
};

function parsed(typed: string, kind: PhoneKind): ParsedPhone {
  const phone = parsePhone(typed, kind);
  if (!phone) throw new Error(`Seed generated an invalid ${kind}: ${typed}`);
  return phone;
}

function fill(template: string, random: Random): string {
  return template.replace(/x/g, () => random.digits(1));
}

function mainlandMobile(random: Random): string {
  const national = random.pick(MOBILE_PREFIXES) + random.digits(8);
  return random.weighted([
    [national, 6],
    [`${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`, 2],
    [`${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`, 1],
    [`+86 ${national}`, 1],
  ]);
}

function mainlandLandline(random: Random, areaCode: string): string {
  const localLength = areaCode.length === 2 || random.chance(0.8) ? 8 : 7;
  const local = String(random.int(2, 9)) + random.digits(localLength - 1);
  const number = random.weighted([
    [`0${areaCode}-${local}`, 5],
    [`0${areaCode} ${local}`, 2],
    [`(0${areaCode}) ${local}`, 1],
    [`0${areaCode}${local}`, 1],
  ]);
  if (!random.chance(0.15)) return number;
  const extension = String(random.int(1, 9)) + random.digits(random.int(1, 3));
  return `${number}${random.pick([' 转 ', ' 转', ' ext ', '-', ' 分机 '])}${extension}`;
}

/** An international number for `country`, valid by libphonenumber (a few random draws may be needed). */
function international(random: Random, country: Exclude<City['country'], 'CN'>, kind: PhoneKind): SeedPhone {
  const templates = INTERNATIONAL[country][kind];
  for (let attempt = 0; attempt < 50; attempt++) {
    const typed = fill(random.pick(templates), random);
    const phone = parsePhone(typed, kind);
    if (phone) return { typed, normalized: phone.normalized };
  }
  throw new Error(`No valid ${kind} for ${country} after 50 draws`);
}

/** A mobile for someone based in `city`: mainland numbers for mainland cities, local ones abroad. */
export function mobileFor(random: Random, city: City): SeedPhone {
  if (city.country !== 'CN') return random.chance(0.8) ? international(random, city.country, 'mobile') : mainland(random);
  // A few mainland contacts give a foreign (Hong Kong) mobile.
  if (random.chance(0.01)) return international(random, 'HK', 'mobile');
  return mainland(random);
}

function mainland(random: Random): SeedPhone {
  const typed = mainlandMobile(random);
  return { typed, normalized: parsed(typed, 'mobile').normalized };
}

export function landlineFor(random: Random, city: City): SeedPhone {
  if (city.country !== 'CN' || city.areaCode === null) return international(random, city.country === 'CN' ? 'HK' : city.country, 'landline');
  const typed = mainlandLandline(random, city.areaCode);
  return { typed, normalized: parsed(typed, 'landline').normalized };
}
