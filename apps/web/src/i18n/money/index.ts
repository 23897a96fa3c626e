import { moneyAssistanceEn } from './assistance.en';
import { moneyAssistanceZh } from './assistance.zh-CN';
import { moneyBatchesEn } from './batches.en';
import { moneyBatchesZh } from './batches.zh-CN';
import { moneyBodiesEn } from './bodies.en';
import { moneyBodiesZh } from './bodies.zh-CN';
import { moneyCoreEn } from './money.en';
import { moneyCoreZh } from './money.zh-CN';
import { moneyNoticeEn } from './notice.en';
import { moneyNoticeZh } from './notice.zh-CN';

/** The money pages' dictionaries, one `money` namespace in each language (merged into zh-CN.ts and en.ts). */
export const moneyZh = { ...moneyCoreZh, ...moneyBatchesZh, ...moneyAssistanceZh, ...moneyBodiesZh, ...moneyNoticeZh };
export const moneyEn: Shape<typeof moneyZh> = {
  ...moneyCoreEn,
  ...moneyBatchesEn,
  ...moneyAssistanceEn,
  ...moneyBodiesEn,
  ...moneyNoticeEn,
};

/** Every key of the Chinese dictionary, with a string in its place (the English one must have them all). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
