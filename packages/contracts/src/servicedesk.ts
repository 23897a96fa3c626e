import { z } from 'zod';
import { codeList } from './archive-codes.js';

/**
 * The rights desk (职工维权服务中心): letters, visits, calls, the 12351 hotline and online messages as work orders
 * (工单). Seed 000 第六章 信访接待 (来访登记、首问责任制、限期办理 "问题不过夜"、转办督办 "件件有答复, 事事有回音"、
 * 检举控告保守秘密), 第五篇 (24 小时值班、12351); the national 12351 line (2023): "全国连通、全总汇总、各省集中、
 * 分级主办", deadlines by class (一般问题 / 难点问题 / 特别复杂问题).
 */

export const workOrderChannels = codeList(['letter', 'visit', 'phone', 'hotline_12351', 'online'] as const, {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  hotline_12351: '12351热线',
  online: '网上留言',
});

export const workOrderCategories = codeList(
  [
    'wages_owed',
    'labour_contract',
    'social_insurance',
    'work_injury',
    'dismissal',
    'assistance_request',
    'policy_question',
    'union_complaint',
    'suggestion',
    'other',
  ] as const,
  {
    wages_owed: '欠薪讨薪',
    labour_contract: '劳动合同',
    social_insurance: '社会保险',
    work_injury: '工伤',
    dismissal: '辞退解聘',
    assistance_request: '困难帮扶求助',
    policy_question: '政策咨询',
    union_complaint: '投诉工会',
    suggestion: '意见建议',
    other: '其他',
  },
);
export type WorkOrderCategory = (typeof workOrderCategories.codes)[number];

export const workOrderUrgencies = codeList(['normal', 'urgent'] as const, { normal: '一般', urgent: '紧急' });

/** The 12351 classes; each has its deadline in working days (per node settings). */
export const workOrderDifficulties = codeList(['general', 'difficult', 'complex'] as const, {
  general: '一般问题',
  difficult: '难点问题',
  complex: '特别复杂问题',
});
export type WorkOrderDifficulty = (typeof workOrderDifficulties.codes)[number];

/**
 * open: registered, with its first-asked owner (首问), not yet routed; handling: handled at its node (自办, after
 * acceptance or 交办); awaiting_acceptance: sent to a union below (转办/分级主办), waiting to be accepted or returned;
 * referred: transferred to an outside body (人社, 劳动监察, 仲裁 …), the owner follows it up; closed: answered.
 */
export const workOrderStatuses = codeList(['open', 'handling', 'awaiting_acceptance', 'referred', 'closed'] as const, {
  open: '待分办',
  handling: '办理中',
  awaiting_acceptance: '待签收',
  referred: '已转外部门',
  closed: '已办结',
});
export type WorkOrderStatus = (typeof workOrderStatuses.codes)[number];
export const OPEN_WORK_ORDER_STATUSES = ['open', 'handling', 'awaiting_acceptance', 'referred'] as const;

export const outsideBodies = codeList(
  ['hrss', 'labour_inspection', 'arbitration', 'court', 'letters_visits', 'legal_aid_centre', 'other'] as const,
  {
    hrss: '人力资源和社会保障部门',
    labour_inspection: '劳动保障监察机构',
    arbitration: '劳动人事争议仲裁委员会',
    court: '人民法院',
    letters_visits: '信访部门',
    legal_aid_centre: '法律援助中心',
    other: '其他单位',
  },
);

export const replyMethods = codeList(['phone', 'in_person', 'letter', 'sms', 'online', 'other'] as const, {
  phone: '电话答复',
  in_person: '当面答复',
  letter: '书面答复',
  sms: '短信答复',
  online: '网上答复',
  other: '其他方式',
});

export const workOrderResults = codeList(
  ['resolved', 'partly_resolved', 'explained', 'referred', 'unresolved'] as const,
  {
    resolved: '已解决',
    partly_resolved: '部分解决',
    explained: '已解释说明',
    referred: '已引导至有关部门',
    unresolved: '未能解决',
  },
);

export const satisfactions = codeList(['satisfied', 'basically', 'unsatisfied'] as const, {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
});

/** Every step recorded in a work order's history (who, when, what, to whom). */
export const workOrderActions = codeList(
  [
    'register',
    'handle_here',
    'transfer',
    'transfer_out',
    'assign',
    'accept',
    'return',
    'supervise',
    'report',
    'note',
    'attach',
    'extension_request',
    'extension_decision',
    'close',
    'callback',
    'reopen',
  ] as const,
  {
    register: '登记',
    handle_here: '自办',
    transfer: '转办（下级工会）',
    transfer_out: '转办（外部门）',
    assign: '交办',
    accept: '签收',
    return: '退回',
    supervise: '督办',
    report: '督办报告',
    note: '办理情况',
    attach: '上传附件',
    extension_request: '申请延期',
    extension_decision: '延期审批',
    close: '办结答复',
    callback: '回访',
    reopen: '重新办理',
  },
);

/** The desk's morning queues. */
export const workOrderQueues = codeList(
  ['mine', 'overdue', 'due_today', 'due_soon', 'awaiting_acceptance', 'supervised', 'callbacks_due'] as const,
  {
    mine: '我的工单',
    overdue: '已超期',
    due_today: '今日到期',
    due_soon: '即将到期',
    awaiting_acceptance: '待签收',
    supervised: '本级督办',
    callbacks_due: '待回访',
  },
);
export type WorkOrderQueue = (typeof workOrderQueues.codes)[number];

const id = z.number().int().positive().max(2_147_483_647);
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();

/** A mobile (11 digits), a landline with its area code, or a local number; spaces and dashes are dropped. */
export const CallerPhoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(1\d{10}|0\d{9,11}|\d{7,8})$/, '电话号码格式不正确 / not a phone number'));

export const WorkOrderInputSchema = z
  .object({
    channel: workOrderChannels.schema,
    /** When the letter, visit or call came in; default now. */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    personName: optText(50),
    idNumber: z.string().trim().max(18).optional(),
    phone: CallerPhoneSchema.optional(),
    employer: optText(100),
    /** The person's file in the archive, picked on the registration screen; else found by the ID number. */
    householdId: id.optional(),
    /** Complainants and whistle-blowers: shown as 保密 to everyone but the owner, the supervising union, auditors. */
    confidential: z.boolean().default(false),
    categories: z.array(workOrderCategories.schema).min(1).max(10),
    content: text(5000),
    collective: z.boolean().default(false),
    headCount: z.number().int().min(1).max(100_000).optional(),
    representatives: optText(500),
    urgency: workOrderUrgencies.schema.default('normal'),
    difficulty: workOrderDifficulties.schema.default('general'),
  })
  .refine((v) => !v.collective || (v.headCount !== undefined && v.headCount >= 5), {
    message: '集体访须填写人数（5人及以上）/ a collective visit needs its head count (5 or more)',
    path: ['headCount'],
  });
export type WorkOrderInput = z.infer<typeof WorkOrderInputSchema>;

export const WorkOrderListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  status: workOrderStatuses.schema.optional(),
  channel: workOrderChannels.schema.optional(),
  category: workOrderCategories.schema.optional(),
  /** Order number, whole or its beginning. */
  q: z.string().trim().max(30).optional(),
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const WorkOrderQueueQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The caller's earlier orders, for the registration screen: by phone or ID number (audited exact search). */
export const CallerQuerySchema = z
  .object({ phone: CallerPhoneSchema.optional(), idNumber: z.string().trim().max(18).optional() })
  .refine((v) => v.phone !== undefined || v.idNumber !== undefined, { message: 'phone or idNumber' });

/** 转办: to a union in the caller's subtree, or to an outside body with its reference (文号/回执号). */
export const WorkOrderTransferSchema = z.union([
  z.object({ orgId: id, note: optText(500) }).strict(),
  z.object({ outsideBody: outsideBodies.schema, outsideName: optText(100), reference: text(100), note: optText(500) }),
]);
export const WorkOrderAssignSchema = z.object({ userId: id, note: optText(500) });
export const WorkOrderReasonSchema = z.object({ reason: text(500) });
export const WorkOrderNoteSchema = z.object({ note: text(2000) });
export const WorkOrderSuperviseSchema = z.object({ dueOn: z.iso.date(), demand: text(1000) });
export const WorkOrderReportSchema = z.object({ report: text(2000) });
export const WorkOrderExtensionSchema = z.object({
  reason: text(500),
  workingDays: z.number().int().min(1).max(60),
});
export const WorkOrderExtensionDecisionSchema = z.object({ approve: z.boolean(), note: optText(500) });
/** 件件有答复: an order closes only with the answer given to the person. */
export const WorkOrderCloseSchema = z.object({
  replyMethod: replyMethods.schema,
  reply: text(2000),
  result: workOrderResults.schema,
  /** 追回欠薪, integer 分. */
  wagesRecoveredFen: z.number().int().min(0).max(99_999_999_999).default(0),
});
export const WorkOrderCallbackSchema = z.object({ satisfaction: satisfactions.schema, note: optText(1000) });

/** Deadlines per node (inherited down the tree), in working days of the Chinese calendar. */
export const ServiceDeskSettingsSchema = z.object({
  generalDays: z.number().int().min(1).max(120),
  difficultDays: z.number().int().min(1).max(120),
  complexDays: z.number().int().min(1).max(250),
  /** "Due soon": the due date is at most this many working days away. */
  dueSoonDays: z.number().int().min(1).max(10),
  /** 重复访: the same person on the same matter within this many days is linked to the earlier order. */
  repeatWindowDays: z.number().int().min(1).max(730),
});
export type ServiceDeskSettings = z.infer<typeof ServiceDeskSettingsSchema>;

export const DutyShiftInputSchema = z.object({
  orgId: id,
  userId: id,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  note: optText(1000),
});
export const DutyShiftQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const DutyHandoverSchema = z.object({ note: text(2000) });
export const OrgIdQuerySchema = z.object({ orgId: z.coerce.number().int().positive() });
