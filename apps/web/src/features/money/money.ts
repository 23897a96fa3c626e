import { formatYuan, yuanToFen } from '@bangfu/policy';
import { thisYear } from '../../lib/today';

/**
 * Money is integer 分 everywhere but on screen: shown as ¥1,975.00 (元), typed in 元 with two decimals.
 * These helpers are the money pages' only conversions.
 */

/** 分 → '¥1,975.00'; '—' when unknown. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isInteger(fen)) return '—';
  return fen < 0 ? `-¥${formatYuan(-fen)}` : `¥${formatYuan(fen)}`;
}

/** A 元 amount typed in a form (InputNumber in string mode, two decimals) → integer 分; empty → null. */
export function fenOf(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  return yuanToFen(typeof v === 'number' ? v.toFixed(2) : v);
}

/** Integer 分 → the 元 text a form field holds ('1975.00'). */
export function yuanText(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points → '80 %' (10000 bp = 100 %). */
export function percent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${Number((bp / 100).toFixed(2))} %`;
}

/** The quarters a batch may be for: this year's and next year's ('2027Q1'). */
export function quarterOptions(now?: Date): string[] {
  const y = thisYear(now);
  const out: string[] = [];
  for (const year of [y - 1, y, y + 1]) for (const q of [1, 2, 3, 4]) out.push(`${year}Q${q}`);
  return out;
}
