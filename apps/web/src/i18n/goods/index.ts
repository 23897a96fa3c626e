import { certificatesEn } from './certificates.en';
import { certificatesZh } from './certificates.zh-CN';
import { goodsCoreEn } from './goods.en';
import { goodsCoreZh } from './goods.zh-CN';

/** The goods and certificate pages' dictionaries, one `goods` namespace in each language (merged into zh-CN.ts
 * and en.ts). */
export const goodsZh = { ...goodsCoreZh, ...certificatesZh };
export const goodsEn: Shape<typeof goodsZh> = { ...goodsCoreEn, ...certificatesEn };

/** Every key of the Chinese dictionary, with a string in its place (the English one must have them all). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
