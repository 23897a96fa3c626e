/**
 * Error codes of the yearly review (年度复核) and its spot checks. Part of `errorCatalog` (errors.ts); same shape
 * and rules.
 */
export const reviewErrors = {
  REVIEW_ROUND_NOT_FOUND: {
    status: 404,
    zh: '复核轮次不存在或不在您的管辖范围内',
    en: 'Review round not found or out of scope',
  },
  REVIEW_ROUND_EXISTS: {
    status: 409,
    zh: '“{org}”已开展{year}年度复核，不能重复开展',
    en: '“{org}” already runs the {year} review',
  },
  REVIEW_ROUND_COVERED: {
    status: 409,
    zh: '上级“{org}”已开展{year}年度复核，本级档案在该轮次中复核',
    en: 'The upper union “{org}” already runs the {year} review, which covers these files',
  },
  REVIEW_ROUND_CLOSED: {
    status: 409,
    zh: '本轮复核已结束，不能再登记复核、补充档案或抽样',
    en: 'The review round is closed: no more reviews, additions or draws',
  },
  REVIEW_ROUND_BAD_YEAR: {
    status: 400,
    zh: '只能开展{from}至{to}年度的复核',
    en: 'Only reviews of the years {from} to {to} can be opened',
  },
  REVIEW_DUE_INVALID: {
    status: 400,
    zh: '完成期限须在{from}至{to}之间',
    en: 'The due date must lie between {from} and {to}',
  },
  REVIEW_FILE_NOT_IN_ROUND: {
    status: 404,
    zh: '该档案不在本轮复核中（新建档的档案请先“补充新建档”）',
    en: 'This file is not in the round (files filed since it opened are added by “Add new files”)',
  },
  REVIEW_ALREADY_DONE: {
    status: 409,
    zh: '该档案本轮已复核（{reviewedOn}，{by}），每轮只复核一次',
    en: 'This file was already reviewed in this round ({reviewedOn}, {by}): once per round',
  },
  REVIEW_DATE_INVALID: {
    status: 400,
    zh: '复核日期须在{from}至{to}之间',
    en: 'The review date must lie between {from} and {to}',
  },
  REVIEW_OUTCOME_NOT_POSSIBLE: {
    status: 409,
    zh: '档案当前状态为“{status}”，复核结论不能是“{outcome}”',
    en: 'The file is “{status}”: the outcome cannot be “{outcome}”',
  },
  REVIEW_SPOT_NOT_UPPER: {
    status: 403,
    zh: '抽查须由档案所在工会的上级工会进行',
    en: 'A spot check is made by a union above the file’s own union',
  },
  REVIEW_SPOT_OWN_REVIEW: {
    status: 403,
    zh: '不能抽查本人复核的档案',
    en: 'You cannot spot-check a review you made yourself',
  },
  REVIEW_SPOT_NOT_SAMPLED: {
    status: 409,
    zh: '该档案未被抽中，不能登记抽查结果',
    en: 'This file was not drawn for a spot check',
  },
  REVIEW_SPOT_DONE: {
    status: 409,
    zh: '该档案已登记抽查结果（{result}）',
    en: 'The spot check of this file is already recorded ({result})',
  },
  REVIEW_OUTCOME_NONE: {
    status: 409,
    zh: '该档案的复核结论无须审批处理',
    en: 'This review’s outcome needs no decision',
  },
  REVIEW_OUTCOME_DECIDED: {
    status: 409,
    zh: '该复核建议已处理（{decision}）',
    en: 'This proposal has already been decided ({decision})',
  },
  REVIEW_DECIDER_NOT_UPPER: {
    status: 403,
    zh: '解困、脱困、注销的建议须由上级工会审批',
    en: 'A proposed 解困, 脱困 or 注销 is decided by an upper union',
  },
} as const;
