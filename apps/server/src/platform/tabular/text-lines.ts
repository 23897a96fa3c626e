import { AppError } from '../errors.js';
import { check, TABULAR_LIMITS, TabularLimitError } from './limits.js';

/** The bank's result file: one line per grant of a batch, each a few dozen characters. */
export const TEXT_LINE_LIMITS = { ...TABULAR_LIMITS, maxFileBytes: 10 * 1024 * 1024, maxCellChars: 1_000 };

/**
 * A small line-based upload (the bank's result CSV) as its non-blank, trimmed lines, held to limits on its size,
 * its lines and the length of one line; past one, AppError FILE_LIMIT_EXCEEDED (422) naming it. Linear in the
 * text and bounded by the upload limit, so it is read on the request's thread.
 */
export function textLines(text: string, limits = TEXT_LINE_LIMITS): string[] {
  try {
    check(limits, 'fileBytes', Buffer.byteLength(text, 'utf8'));
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    check(limits, 'rows', lines.length);
    const out: string[] = [];
    for (const l of lines) {
      check(limits, 'cellChars', l.length);
      const t = l.trim();
      if (t) out.push(t);
    }
    return out;
  } catch (e) {
    if (e instanceof TabularLimitError) throw new AppError('FILE_LIMIT_EXCEEDED', e.details);
    throw e;
  }
}
