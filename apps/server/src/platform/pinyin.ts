import { pinyin } from 'pinyin-pro';

/**
 * A sort key in pinyin order (音序), identical on both databases. With surname mode, 曾 sorts as zeng and
 * 单 as shan. Latin letters and digits pass through lower-cased.
 */
export function pinyinSortKey(text: string, opts: { surname?: boolean } = {}): string {
  const syllables = pinyin(text, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    ...(opts.surname ? { surname: 'head' as const } : {}),
  });
  return syllables
    .map((s) => s.toLowerCase().replace(/ü/g, 'v'))
    .join(' ')
    .trim();
}

/** Initials of each syllable ('张三' → 'zs'), for search by pinyin initials. */
export function pinyinInitials(text: string, opts: { surname?: boolean } = {}): string {
  return pinyin(text, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    ...(opts.surname ? { surname: 'head' as const } : {}),
  })
    .join('')
    .toLowerCase();
}
