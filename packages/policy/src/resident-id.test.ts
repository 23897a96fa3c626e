import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkChar, convertLegacyId, maskId, parseResidentId } from './resident-id.js';

const today = new Date('2026-11-23T00:00:00Z');

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s example with an X check character', () => {
    expect(parseResidentId('11010519491231002X', today)).toMatchObject({
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
      masked: '**************002X',
      converted: false,
    });
  });

  it('normalises lower-case x, spaces and full-width digits', () => {
    expect(parseResidentId(' 11010519491231002x ', today).ok).toBe(true);
    expect(parseResidentId('１１０１０５１９４９１２３１００２Ｘ', today).ok).toBe(true);
  });

  it('converts a 15-digit legacy number', () => {
    const r = parseResidentId('440204750202003', today);
    expect(r).toMatchObject({ ok: true, id18: '440204197502020037', converted: true, sex: 'male' });
  });

  it.each([
    ['11010519491231002', 'ID_LENGTH'],
    ['1101051949123100XX', 'ID_CHARS'],
    ['990105194912310020', 'ID_REGION'],
    ['910105194912310020', 'ID_REGION'],
    ['110105194913310020', 'ID_BIRTH_DATE'],
    ['110105189912310020', 'ID_BIRTH_DATE'],
    ['110105203012310020', 'ID_BIRTH_DATE'],
    ['110105194912310021', 'ID_CHECKSUM'],
  ])('refuses %s with %s and says why in Chinese and English', (id, code) => {
    const r = parseResidentId(id, today);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.zh).toMatch(/身份证/);
      expect(r.en).toMatch(/ID/);
    }
  });

  it('knows 29 February only in leap years', () => {
    const body = (date: string) => `110105${date}002`;
    expect(parseResidentId(body('20000229') + checkChar(body('20000229')), today).ok).toBe(true);
    const r = parseResidentId(body('19000229') + checkChar(body('19000229')), today);
    expect(r.ok ? 'ok' : r.code).toBe('ID_BIRTH_DATE');
    expect(parseResidentId(body('20230229') + checkChar(body('20230229')), today).ok).toBe(false);
  });

  it('accepts every body with its check character and refuses any single changed digit', () => {
    const body = fc
      .tuple(
        fc.constantFrom('110105', '440203', '650102', '810000'),
        fc.date({ min: new Date('1901-01-01'), max: new Date('2026-11-22'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([region, d, seq]) =>
          `${region}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(body, fc.integer({ min: 14, max: 16 }), fc.integer({ min: 1, max: 9 }), (b, pos, delta) => {
        const id = b + checkChar(b);
        expect(parseResidentId(id, today).ok).toBe(true);
        const changed = b.slice(0, pos) + ((Number(b[pos]) + delta) % 10) + b.slice(pos + 1);
        expect(parseResidentId(changed + checkChar(b), today).ok).toBe(false);
      }),
    );
  });

  it('masks and computes ages', () => {
    expect(maskId('440203198001010015')).toBe('**************0015');
    expect(ageOn('1980-01-01', '2026-11-23')).toBe(46);
    expect(ageOn('1980-11-24', '2026-11-23')).toBe(45);
    expect(ageOn('1980-11-23', '2026-11-23')).toBe(46);
  });
});

/** Independent ISO 7064 MOD 11-2 check: with weights 2^(18−i) mod 11 over all 18 characters, the sum is ≡ 1. */
function iso7064Valid(id18: string): boolean {
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const c = id18[i] as string;
    sum += (c === 'X' ? 10 : Number(c)) * (2 ** (17 - i) % 11);
  }
  return sum % 11 === 1;
}

const body17 = fc
  .tuple(
    fc.constantFrom('110105', '440203', '650102', '310115', '540102', '810000', '830000'),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-23'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(
    ([region, d, seq]) => `${region}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`,
  );

describe('resident ID numbers: published examples and boundaries', () => {
  it('accepts published examples: residence permits for Hong Kong, Macau and Taiwan residents', () => {
    expect(parseResidentId('810000199408230021', today)).toMatchObject({
      ok: true,
      sex: 'female',
      regionCode: '810000',
    });
    expect(parseResidentId('820000200009100032', today)).toMatchObject({
      ok: true,
      sex: 'male',
      birthDate: '2000-09-10',
    });
    expect(parseResidentId('830000199201300022', today)).toMatchObject({ ok: true, birthDate: '1992-01-30' });
  });

  it('refuses GB 11643’s 1880 example (checksum right) because birth dates before 1900 are refused', () => {
    expect(iso7064Valid('440524188001010014')).toBe(true);
    expect(parseResidentId('440524188001010014', today)).toMatchObject({ ok: false, code: 'ID_BIRTH_DATE' });
  });

  it('converts published 15-digit examples, including one whose check character is X', () => {
    expect(convertLegacyId('110105491231002')).toBe('11010519491231002X');
    expect(convertLegacyId('320311770706001')).toBe('320311197707060018');
    expect(convertLegacyId('130503670401001')).toBe('130503196704010016');
    expect(convertLegacyId(' 370725881105149 ')).toBe('37072519881105149X');
    expect(convertLegacyId('37072588110514X')).toBeNull();
    expect(convertLegacyId('11010519491231002X')).toBeNull();
    const r = parseResidentId('370725881105149', today);
    expect(r).toMatchObject({ ok: true, id18: '37072519881105149X', birthDate: '1988-11-05', converted: true });
  });

  it('refuses a legacy number with a bad birth date or region after conversion', () => {
    expect(parseResidentId('110105491331002', today)).toMatchObject({ ok: false, code: 'ID_BIRTH_DATE' });
    expect(parseResidentId('990105491231002', today)).toMatchObject({ ok: false, code: 'ID_REGION' });
    expect(parseResidentId('1101054912310A2', today)).toMatchObject({ ok: false, code: 'ID_CHARS' });
  });

  it('maps every remainder 0..10 to its check character (1 0 X 9 8 7 6 5 4 3 2)', () => {
    const seen = new Map<number, string>();
    for (let seq = 0; seen.size < 11 && seq < 1000; seq++) {
      const b = `11010519491231${String(seq).padStart(3, '0')}`;
      const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const s = [...b].reduce((acc, c, i) => acc + Number(c) * (weights[i] as number), 0) % 11;
      if (!seen.has(s)) seen.set(s, checkChar(b));
      expect(iso7064Valid(b + checkChar(b))).toBe(true);
    }
    expect([...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c)).toEqual([...'10X98765432']);
  });

  it('refuses every wrong check character, X included, and a lower-case x is the same as X', () => {
    for (const c of '0123456789X') {
      const r = parseResidentId(`11010519491231002${c}`, today);
      expect(r.ok).toBe(c === 'X');
      if (!r.ok) expect(r.code).toBe('ID_CHECKSUM');
    }
    expect(parseResidentId('11010519491231002x', today).ok).toBe(true);
  });

  it('refuses checks in order: length, characters, region, date, checksum', () => {
    expect(parseResidentId('', today)).toMatchObject({ code: 'ID_LENGTH' });
    expect(parseResidentId('1101051949123100200', today)).toMatchObject({ code: 'ID_LENGTH' });
    expect(parseResidentId('X10105194912310020', today)).toMatchObject({ code: 'ID_CHARS' });
    expect(parseResidentId('11010519491231002Y', today)).toMatchObject({ code: 'ID_CHARS' });
    expect(parseResidentId('110000194912310020', today)).toMatchObject({ code: 'ID_REGION' });
    expect(parseResidentId('160105194912310020', today)).toMatchObject({ code: 'ID_REGION' });
    expect(parseResidentId('990105194913310021', today)).toMatchObject({ code: 'ID_REGION' });
    expect(parseResidentId('110105194913310021', today)).toMatchObject({ code: 'ID_BIRTH_DATE' });
  });

  it('takes every mainland province code and 71/81/82/83, and refuses 91 and codes in between', () => {
    const ok = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52]
      .concat([53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83])
      .map(String);
    for (let p = 10; p <= 99; p++) {
      const b = `${p}0102199001010010`.slice(0, 17);
      const r = parseResidentId(b + checkChar(b), today);
      expect(r.ok ? 'ok' : r.code).toBe(ok.includes(String(p)) ? 'ok' : 'ID_REGION');
    }
  });

  it('bounds the birth date: 1900-01-01 and today are allowed, 1899-12-31 and tomorrow are not', () => {
    const at = (date: string) => {
      const b = `110105${date}002`;
      const r = parseResidentId(b + checkChar(b), '2026-11-23');
      return r.ok ? 'ok' : r.code;
    };
    expect(at('19000101')).toBe('ok');
    expect(at('18991231')).toBe('ID_BIRTH_DATE');
    expect(at('20261123')).toBe('ok');
    expect(at('20261124')).toBe('ID_BIRTH_DATE');
    expect(at('20240229')).toBe('ok');
    expect(at('21000229')).toBe('ID_BIRTH_DATE');
    expect(at('19960229')).toBe('ok');
    expect(at('19970229')).toBe('ID_BIRTH_DATE');
    expect(at('19800431')).toBe('ID_BIRTH_DATE');
    expect(at('19800001')).toBe('ID_BIRTH_DATE');
    expect(at('19800100')).toBe('ID_BIRTH_DATE');
  });

  it('a valid body with its computed check character passes an independent ISO 7064 check and validates', () => {
    fc.assert(
      fc.property(body17, (b) => {
        const id = b + checkChar(b);
        return iso7064Valid(id) && parseResidentId(id, today).ok;
      }),
    );
  });

  it('any single changed character (body digit or check character) is caught by the checksum', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (b, pos, delta) => {
        const id = b + checkChar(b);
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const old = alphabet.indexOf(id[pos] as string);
        const replacement = alphabet[(old + delta) % alphabet.length] as string;
        fc.pre(replacement !== id[pos]);
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
        expect(iso7064Valid(changed)).toBe(false);
        expect(parseResidentId(changed, today).ok).toBe(false);
      }),
    );
  });

  it('any swap of two different adjacent body digits is caught by the checksum', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 15 }), (b, pos) => {
        fc.pre(b[pos] !== b[pos + 1]);
        const swapped = b.slice(0, pos) + b[pos + 1] + b[pos] + b.slice(pos + 2);
        expect(checkChar(swapped)).not.toBe(checkChar(b));
      }),
    );
  });

  it('refuses a check character asked of a non-digit body', () => {
    expect(() => checkChar('1101051949123100X')).toThrow(RangeError);
    expect(() => checkChar('110105')).toThrow(RangeError);
  });
});

describe('masking and ages', () => {
  it('masks 18- and 15-digit numbers to their last four and stars out anything else', () => {
    expect(maskId('11010519491231002X')).toBe('**************002X');
    expect(maskId('110105491231002')).toBe('***********1002');
    expect(maskId('12345')).toBe('*****');
  });

  it('computes ages from a birth date, an 18-digit or a 15-digit number, on a string or a Date', () => {
    expect(ageOn('11010519491231002X', '2026-11-23')).toBe(76);
    expect(ageOn('11010519491231002X', '2026-12-31')).toBe(77);
    expect(ageOn('110105491231002', '2026-12-30')).toBe(76);
    expect(ageOn('1980-01-01', new Date('2026-11-23T12:00:00Z'))).toBe(46);
    expect(ageOn('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('ages someone born on 29 February on 1 March in common years, on 29 February in leap years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('refuses what is neither a date nor an ID', () => {
    expect(() => ageOn('abc', '2026-11-23')).toThrow(RangeError);
    expect(() => ageOn('1980-01-01', 'yesterday')).toThrow(RangeError);
  });
});
