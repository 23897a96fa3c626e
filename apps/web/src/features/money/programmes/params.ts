import { fenOf, percent, yuan, yuanText } from '../money';

/**
 * A template's params are data of any shape (packages/policy). The pages read the shape from the values
 * themselves: a number whose key ends in `Fen` is money (shown and typed in 元), `Bp` is a rate in basis
 * points (shown and typed in %), other numbers are counts; booleans, texts and lists of texts as they are.
 */
export type LeafKind = 'fen' | 'bp' | 'int' | 'bool' | 'text' | 'tags';
export type Path = (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The kind of a leaf; a group named in 分 or bp (`annualFen: { deep, relative }`) gives its members its unit. */
export function leafKind(key: string | number, value: unknown, parent: string | number = ''): LeafKind | null {
  const k = String(key);
  const p = String(parent);
  if (typeof value === 'number' || value === null) {
    if (k.endsWith('Fen')) return 'fen';
    if (k.endsWith('Bp')) return 'bp';
    if (p.endsWith('Fen')) return 'fen';
    if (p.endsWith('Bp')) return 'bp';
    return 'int';
  }
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'text';
  if (isTextList(value)) return 'tags';
  return null;
}

function leafToForm(kind: LeafKind, v: unknown): unknown {
  if (kind === 'fen') return typeof v === 'number' ? yuanText(v) : undefined;
  if (kind === 'bp') return typeof v === 'number' ? v / 100 : undefined;
  return v ?? undefined;
}

function leafFromForm(kind: LeafKind, v: unknown): unknown {
  if (kind === 'fen') return fenOf(v as string | number | null | undefined);
  if (kind === 'bp') return v === null || v === undefined || v === '' ? null : Math.round(Number(v) * 100);
  if (kind === 'int') return v === null || v === undefined || v === '' ? null : Number(v);
  if (kind === 'bool') return !!v;
  return v;
}

/** Params (分, basis points) → the values of the form (元 text, %). */
export function toForm(value: unknown, key: string | number = '', parent: string | number = ''): unknown {
  const kind = key === '' ? null : leafKind(key, value, parent);
  if (kind) return leafToForm(kind, value);
  if (Array.isArray(value)) return value.map((v, i) => toForm(v, i, key));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toForm(v, k, key)]));
  return value;
}

/** The form's values back into params, following the shape of the params the form started from. */
export function fromForm(
  form: unknown,
  base: unknown,
  key: string | number = '',
  parent: string | number = '',
): unknown {
  const kind = key === '' ? null : leafKind(key, base, parent);
  if (kind) return leafFromForm(kind, form);
  if (Array.isArray(base)) {
    const arr = Array.isArray(form) ? form : [];
    return base.map((b, i) => fromForm(arr[i], b, i, key));
  }
  if (isRecord(base)) {
    const obj = isRecord(form) ? form : {};
    return Object.fromEntries(Object.entries(base).map(([k, b]) => [k, fromForm(obj[k], b, k, key)]));
  }
  return form;
}

export interface Leaf {
  path: Path;
  kind: LeafKind;
  value: unknown;
}

/** Every leaf with its path, for read-only display. */
export function leaves(value: unknown, path: Path = []): Leaf[] {
  const key = path[path.length - 1] ?? '';
  const kind = path.length ? leafKind(key, value, path[path.length - 2] ?? '') : null;
  if (kind) return [{ path, kind, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

export function formatLeaf(l: Leaf, yes: string, no: string): string {
  if (l.value === null || l.value === undefined) return '—';
  if (l.kind === 'fen') return yuan(l.value as number);
  if (l.kind === 'bp') return percent(l.value as number);
  if (l.kind === 'bool') return l.value ? yes : no;
  if (l.kind === 'tags') return (l.value as string[]).join('、') || '—';
  return String(l.value);
}

export { isRecord };
