import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkChar, maskId, parseResidentId } from './resident-id.js';

const today = new Date('2026-11-23T00:00:00Z');

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s example with an X check character', () => {
    expect(parseResidentId('11010519491231002X', today)).toMatchObject({
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
      masked: '110105********002X',
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
    expect(maskId('440203198001010015')).toBe('440203********0015');
    expect(ageOn('1980-01-01', '2026-11-23')).toBe(46);
    expect(ageOn('1980-11-24', '2026-11-23')).toBe(45);
    expect(ageOn('1980-11-23', '2026-11-23')).toBe(46);
  });
});
