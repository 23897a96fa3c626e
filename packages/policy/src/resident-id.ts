/**
 * The resident ID number (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd: male, even: female), and an ISO 7064 MOD 11-2 check character (0-9 or X). Legacy 15-digit numbers
 * (2-digit year, no check character) are converted to 18.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Province-level codes (GB/T 2260) accepted as the first two digits: the 31 mainland provinces, regions and
 * municipalities (11-15, 21-23, 31-37, 41-46, 50-54, 61-65); 81, 82 and 83, the prefixes of the residence
 * permits for Hong Kong, Macau and Taiwan residents (港澳台居民居住证, 810000 / 820000 / 830000, numbered like a
 * resident ID since 2018); and 71, GB/T 2260's code for Taiwan, which older records carry.
 * 9x (外国人永久居留身份证, the foreigner's permanent-residence card, also 18 characters since 2023) is NOT a resident
 * ID: it is refused with ID_REGION. Filing such a worker would need a separate document type, not this check.
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

/**
 * The ISO 7064 MOD 11-2 check character for the first 17 digits: S = Σ digit × (2^(17−i) mod 11),
 * check = CHECK[S mod 11] (so that S + check ≡ 1 mod 11, with X standing for 10).
 */
export function checkChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError(`17 digits expected: ${body17}`);
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

/** 'YYYY-MM-DD' of a Date (its UTC day) or of an ISO date string as given. */
function isoDay(day: Date | string): string {
  return typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);
}

/** A real calendar date from 1900-01-01 up to and including `today` (a birth today is allowed). */
function validDate(y: number, m: number, d: number, today: Date | string): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.toISOString().slice(0, 10) <= isoDay(today);
}

/**
 * A legacy 15-digit number (6 region + YYMMDD + 3 sequence, issued before 1999 to people born in the 1900s)
 * as 18: '19' inserted before the year and the check character appended. Null when not 15 digits; the result
 * is not otherwise validated (parseResidentId does that).
 */
export function convertLegacyId(id15: string): string | null {
  const id = normaliseId(id15);
  if (!/^\d{15}$/.test(id)) return null;
  const body = `${id.slice(0, 6)}19${id.slice(6)}`;
  return body + checkChar(body);
}

/**
 * Validate (and convert) an ID number. `today` bounds the birth date (default: now; a Date counts by its UTC
 * day, a string 'YYYY-MM-DD' as written). Checks run in this order and the first failure is reported:
 * length, characters, region, birth date, check character.
 */
export function parseResidentId(raw: string, today: Date | string = new Date()): IdResult {
  let id = normaliseId(raw);
  let converted = false;
  if (id.length === 15) {
    const upgraded = convertLegacyId(id);
    if (upgraded === null) return fail('ID_CHARS');
    id = upgraded;
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

/**
 * For lists, papers and logs: the last four characters only, **************123X. Never more: the region and the
 * birth date are the rest of the number, and the region follows from the file's organisation while the birth
 * year is shown beside the mask, so a mask that kept them would leave only a handful of candidates (and the
 * check character narrows those further). Legacy 15-digit numbers likewise; anything else is starred out.
 */
export function maskId(id: string): string {
  if (id.length === 18 || id.length === 15) return `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
  return '*'.repeat(id.length);
}

/**
 * Full years of age (周岁) on a date. `from` is a birth date 'YYYY-MM-DD' or an ID number (18 or legacy 15
 * digits; only the birth date inside is read, the number is not validated). `on` is 'YYYY-MM-DD' or a Date
 * (its UTC day). The age goes up on the birthday itself; someone born on 29 February gets one year older on
 * 1 March in common years (their birthday has not come on 28 February). Throws RangeError on anything else.
 */
export function ageOn(from: string, on: string | Date): number {
  const id = normaliseId(from);
  let birth: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(id)) birth = id;
  else if (/^\d{17}[\dX]$/.test(id)) birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  else if (/^\d{15}$/.test(id)) birth = `19${id.slice(6, 8)}-${id.slice(8, 10)}-${id.slice(10, 12)}`;
  else throw new RangeError(`not a birth date or ID number: ${from}`);
  const day = isoDay(on);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a date: ${String(on)}`);
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
