import { z } from 'zod';
import { codeList } from './archive-codes.js';

/**
 * Donated goods (物资登记、发放, seeds 000 and 001: "物资登记、统计和帮扶款物发放的管理制度"; "捐赠衣物 … 经消毒整理后,
 * 分门别类存放") and the 特困证 / 优待证 certificates (seed 000: "发放统一制作的证件, 凭证享受一定的水、电、煤气补贴";
 * "为特困职工发放《特困职工家庭优待证》").
 */

/** Who gave the goods. */
export const donorKinds = codeList(['person', 'enterprise', 'organisation', 'government'] as const, {
  person: '个人',
  enterprise: '企业',
  organisation: '社会组织/单位',
  government: '政府部门',
});

/** 分门别类存放: the categories goods are sorted into. */
export const goodsCategories = codeList(
  ['clothes', 'grain_oil', 'daily_goods', 'medicine', 'school_supplies', 'other'] as const,
  {
    clothes: '衣物被褥',
    grain_oil: '粮油',
    daily_goods: '生活日用品',
    medicine: '药品',
    school_supplies: '学习用品',
    other: '其他',
  },
);

/** Stock movements: append-only, each with the node's running balance after it. */
export const goodsMovementKinds = codeList(
  ['in', 'out_household', 'transfer_out', 'transfer_in', 'write_off'] as const,
  {
    in: '登记入库',
    out_household: '发放到户',
    transfer_out: '调拨下级',
    transfer_in: '上级调入',
    write_off: '报损核销',
  },
);
export type GoodsMovementKind = (typeof goodsMovementKinds.codes)[number];

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const quantity = z.number().int().min(1).max(1_000_000_000);
const name = text(50).transform((s) => s.replace(/\s+/g, ''));

/** 物资登记: goods received at a node. */
export const GoodsReceiptInputSchema = z.object({
  orgId: id,
  donorName: text(100),
  donorKind: donorKinds.schema,
  category: goodsCategories.schema,
  /** Item names are kept with inner spaces collapsed, so '大米 ' and '大米' are one item. */
  itemName: text(50).transform((s) => s.replace(/\s+/g, ' ')),
  unit: text(10),
  quantity,
  /** Estimated value in 分, when the donor or the centre states one. */
  valueFen: z.number().int().min(0).max(99_999_999_999).optional(),
  receivedOn: z.iso.date(),
  storagePlace: optText(100),
  note: optText(500),
  /** 经手人. */
  handler: text(50),
});

/** 发放到户: from a node's stock to a household in the archive; signed for in person (不得代领). */
export const GoodsHandoutInputSchema = z.object({
  stockId: id,
  householdId: id,
  quantity,
  handedOn: z.iso.date(),
  /** The name signed on the sheet: the worker, or a family member listed in the file. */
  signedName: name,
  /** The cadre who handed the goods over (上户干部). */
  cadre: text(50),
  photoAttachmentId: id.optional(),
  note: optText(500),
});

/** 调拨: stock moved down the tree to a lower node. */
export const GoodsTransferInputSchema = z.object({
  stockId: id,
  toOrgId: id,
  quantity,
  movedOn: z.iso.date(),
  handler: text(50),
  note: optText(500),
});

/** 报损核销: spoiled, expired or lost goods leave the stock with a reason. */
export const GoodsWriteOffInputSchema = z.object({
  stockId: id,
  quantity,
  movedOn: z.iso.date(),
  reason: text(500),
  handler: text(50),
});

export const GoodsStockQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  category: goodsCategories.schema.optional(),
  /** Include items whose stock is zero. */
  includeEmpty: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const GoodsMovementQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  kind: goodsMovementKinds.schema.optional(),
  /** Exact item name (every unit and category of that name). */
  item: z.string().trim().min(1).max(50).optional(),
  stockId: z.coerce.number().int().positive().optional(),
  householdId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const GoodsSheetQuerySchema = GoodsMovementQuerySchema.omit({ kind: true, limit: true, offset: true });

/** Certificates issued to archived households, entitling them to local discounts. */
export const certificateKinds = codeList(['tekun', 'youdai'] as const, {
  tekun: '特困证',
  youdai: '优待证',
});
export type CertificateKind = (typeof certificateKinds.codes)[number];
/** The title printed on the card. */
export const certificateTitles: Record<CertificateKind, string> = {
  tekun: '特困职工证',
  youdai: '特困职工家庭优待证',
};
/** The number's prefix: 'TK44-2026-0000012'. */
export const certificatePrefixes: Record<CertificateKind, string> = { tekun: 'TK', youdai: 'YD' };

/** Stored status. 'expired' is never stored: an active certificate past its valid-until date is expired. */
export const certificateStatuses = codeList(['active', 'revoked', 'superseded'] as const, {
  active: '有效',
  revoked: '已撤销',
  superseded: '已换发',
});
/** What a verification answers, and the state shown in lists. */
export const certificateStates = codeList(['valid', 'not_yet_valid', 'expired', 'revoked', 'superseded'] as const, {
  valid: '有效',
  not_yet_valid: '未到生效日期',
  expired: '已过期',
  revoked: '已撤销',
  superseded: '已换发（旧证作废）',
});

export const CertificateIssueInputSchema = z.object({
  householdId: id,
  kind: certificateKinds.schema,
  /** The issuing union: a node in scope whose subtree holds the file. Defaults to the caller's node. */
  issuerOrgId: id.optional(),
  /** Defaults to today; valid until defaults to one year later (the day before the anniversary). */
  validFrom: z.iso.date().optional(),
  validUntil: z.iso.date().optional(),
  /** The local discounts the card gives (水电气补贴, 学杂费减免, …). */
  benefits: text(1000),
  note: optText(500),
});

export const CertificateRenewInputSchema = z.object({
  validFrom: z.iso.date().optional(),
  validUntil: z.iso.date().optional(),
  /** Defaults to the old card's benefits. */
  benefits: text(1000).optional(),
});

export const CertificateRevokeInputSchema = z.object({ reason: text(500) });

export const CertificateQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  kind: certificateKinds.schema.optional(),
  state: certificateStates.schema.optional(),
  /** Valid certificates whose valid-until date falls within this many days. */
  expiringWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CertificateNumberParamSchema = z.object({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}\d{2}-\d{4}-\d{1,10}$/),
});
