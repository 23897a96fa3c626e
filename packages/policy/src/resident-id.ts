/**
 * The resident ID number (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd: male, even: female), and an ISO 7064 MOD 11-2 check character (0-9 or X). Legacy 15-digit numbers
 * (2-digit year, no check character) are converted to 18.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Province-level codes of resident IDs: the 34 mainland provinces, plus 71/81/82 carried by the residence
 * permits of Taiwan, Hong Kong and Macau residents (83 is the Taiwan permit's prefix in GB/T 2260 practice).
 * 91 (foreigners' permanent residence) is not a resident ID and is refused.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type IdProblem = 'ID_LENGTH' | 'ID_CHARS' | 'ID_REGION' | 'ID_BIRTH_DATE' | 'ID_CHECKSUM';

export type IdResult =
  | {
      ok: true;
      id18: string;
      birthDate: string;
      sex: 'male' | 'female';
      regionCode: string;
      converted: boolean;
      /** For lists: first six and last four, e.g. 440203********1234. */
      masked: string;
    }
  | { ok: false; code: IdProblem; zh: string; en: string };

const MESSAGES: Record<IdProblem, [string, string]> = {
  ID_LENGTH: ['身份证号码应为18位（或15位旧号码）', 'An ID number has 18 characters (or 15 for a legacy number)'],
  ID_CHARS: ['身份证号码只能包含数字，最后一位可以是X', 'An ID number holds digits only, the last may be X'],
  ID_REGION: ['身份证号码的地区代码无效', 'The region code of the ID number is not valid'],
  ID_BIRTH_DATE: ['身份证号码中的出生日期无效', 'The birth date inside the ID number is not valid'],
  ID_CHECKSUM: ['身份证号码校验位不正确，请核对', 'The check character of the ID number is wrong'],
};

const fail = (code: IdProblem): IdResult => ({ ok: false, code, zh: MESSAGES[code][0], en: MESSAGES[code][1] });

/** The check character for the first 17 digits. */
export function checkChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

/** Trim, turn full-width digits and letters into ASCII, upper-case x. */
export function normaliseId(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

function validDate(y: number, m: number, d: number, today: Date): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= today.getTime();
}

/** Validate (and convert) an ID number. `today` bounds the birth date (default: now). */
export function parseResidentId(raw: string, today: Date = new Date()): IdResult {
  let id = normaliseId(raw);
  let converted = false;
  if (id.length === 15) {
    if (!/^\d{15}$/.test(id)) return fail('ID_CHARS');
    const body = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = body + checkChar(body);
    converted = true;
  }
  if (id.length !== 18) return fail('ID_LENGTH');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('ID_CHARS');
  // Mainland numbers name a county (xx0000 is no county); the permits of HK, Macau and Taiwan use 810000 etc.
  const province = id.slice(0, 2);
  if (!PROVINCES.has(province) || (id.slice(2, 6) === '0000' && Number(province) < 70)) return fail('ID_REGION');
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!validDate(y, m, d, today)) return fail('ID_BIRTH_DATE');
  if (checkChar(id.slice(0, 17)) !== id[17]) return fail('ID_CHECKSUM');
  return {
    ok: true,
    id18: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
    converted,
    masked: maskId(id),
  };
}

/** 440203********1234: region and the last four only. */
export function maskId(id18: string): string {
  return id18.length === 18 ? `${id18.slice(0, 6)}********${id18.slice(14)}` : '*'.repeat(id18.length);
}

/** Full years of age on a date, from a birth date 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
