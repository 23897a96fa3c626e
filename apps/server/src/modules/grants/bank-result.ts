import { AppError } from '../../platform/errors.js';
import { textLines } from '../../platform/tabular/text-lines.js';

/** One line of the bank's result file: the grant (流水号 = the grant id of the bank file), paid or not, and why. */
export interface BankResult {
  grantId: number;
  ok: boolean;
  reason: string;
}

const OK = /^(成功|success|ok)$/i;
const FAIL = /^(失败|fail(ed)?)$/i;

/**
 * Parse the bank's result file (CSV: 流水号,结果,原因; a header line is optional; UTF-8, a BOM allowed): 成功 /
 * success / ok or 失败 / fail / failed, and the bank's reason (commas kept; 银行退回 when it gives none). A line
 * that is not of that form is refused naming it (RECONCILE_BAD_FILE); the size is bounded (FILE_LIMIT_EXCEEDED).
 */
export function parseBankResult(csv: string): BankResult[] {
  const lines = textLines(csv);
  const body = lines[0] && /流水号|reference/i.test(lines[0]) ? lines.slice(1) : lines;
  return body.map((l, i) => {
    const [ref, result, ...reason] = l.split(',').map((c) => c.trim());
    const ok = OK.test(result ?? '');
    if (!ref || !/^\d{1,15}$/.test(ref) || (!ok && !FAIL.test(result ?? '')))
      throw new AppError('RECONCILE_BAD_FILE', { problem: `第${i + 1}行“${l}”应为：流水号,成功|失败,原因` });
    return { grantId: Number(ref), ok, reason: reason.join(',') || '银行退回' };
  });
}
