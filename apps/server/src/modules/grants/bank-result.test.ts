import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseBankResult } from './bank-result.js';

const refusal = (csv: string) => {
  try {
    parseBankResult(csv);
  } catch (e) {
    return e instanceof AppError ? { code: e.code, details: e.details } : e;
  }
  return null;
};

describe("the bank's result file", () => {
  it('reads 流水号,结果,原因 with or without its header, BOM and CRLF, Chinese or English results', () => {
    const csv = '\uFEFF流水号,结果,原因\r\n101,成功,\r\n102,失败,账户已销户\r\n\r\n103,success\r\n104,FAILED,\n';
    expect(parseBankResult(csv)).toEqual([
      { grantId: 101, ok: true, reason: '银行退回' },
      { grantId: 102, ok: false, reason: '账户已销户' },
      { grantId: 103, ok: true, reason: '银行退回' },
      { grantId: 104, ok: false, reason: '银行退回' },
    ]);
    expect(parseBankResult('7,ok')).toEqual([{ grantId: 7, ok: true, reason: '银行退回' }]);
  });

  it("keeps the commas of the bank's reason", () => {
    expect(parseBankResult('5,失败,户名不符,请核对')).toEqual([{ grantId: 5, ok: false, reason: '户名不符,请核对' }]);
  });

  it('refuses a line that is not a grant id and a result, naming the line', () => {
    for (const csv of ['abc,成功,', '12,done,', '=cmd|x,成功', ',成功', '1.5,成功', '12'])
      expect(refusal(csv)).toMatchObject({
        code: 'RECONCILE_BAD_FILE',
        details: { problem: expect.stringContaining('第1行') },
      });
    expect(refusal('流水号,结果,原因\n1,成功\n2,maybe')).toMatchObject({
      details: { problem: expect.stringContaining('第2行“2,maybe”') },
    });
  });

  it('an empty file is no lines; an oversized one is refused by its size', () => {
    expect(parseBankResult('')).toEqual([]);
    expect(parseBankResult('流水号,结果,原因\n')).toEqual([]);
    expect(refusal('1,成功\n'.repeat(2_000_000))).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED' });
  });
});
