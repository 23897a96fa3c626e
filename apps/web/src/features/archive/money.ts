import { formatYuan, yuanToFen } from '@bangfu/policy';

/** 分 → '1,234.56 元' for display (money is integer 分 everywhere but forms, print and export). */
export function yuan(fen: number | null | undefined, unit = '元'): string {
  if (fen === null || fen === undefined || !Number.isInteger(fen)) return '—';
  return `${formatYuan(fen)}${unit ? ` ${unit}` : ''}`;
}

/** A 元 amount typed in a form (InputNumber in string mode, two decimals) → integer 分; empty → 0. */
export function toFen(v: string | number | null | undefined): number {
  if (v === null || v === undefined || v === '') return 0;
  return yuanToFen(typeof v === 'number' ? v.toFixed(2) : v);
}

/** Integer 分 → the 元 string a form shows ('1234.50'). */
export function toYuanText(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
