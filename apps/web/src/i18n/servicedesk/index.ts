import { deskEn } from './desk.en';
import { deskZh } from './desk.zh-CN';
import { dutyEn } from './duty.en';
import { dutyZh } from './duty.zh-CN';
import { orderEn } from './order.en';
import { orderZh } from './order.zh-CN';

/** The rights desk's pages, one `servicedesk` namespace in each language (merged into zh-CN.ts and en.ts). */
export const servicedeskZh = { ...deskZh, order: orderZh, ...dutyZh };
export const servicedeskEn: Shape<typeof servicedeskZh> = { ...deskEn, order: orderEn, ...dutyEn };

/** Every key of the Chinese dictionary, with a string in its place (the English one must have them all). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
