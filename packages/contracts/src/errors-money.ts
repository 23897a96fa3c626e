/**
 * Error codes of the money (funds, ledger, programmes, batches, grants, applications, campaigns, approvals) and of
 * donated goods and certificates. Part of `errorCatalog` (errors.ts); same shape and rules.
 */
export const moneyErrors = {
  FUND_NOT_FOUND: { status: 404, zh: '资金不存在', en: 'Fund not found' },
  LEDGER_INSUFFICIENT: {
    status: 409,
    zh: '资金“{fund}”在{org}的余额不足：余额{balance}，需要{amount}',
    en: 'Not enough money in fund “{fund}” at {org}: balance {balance}, needed {amount}',
  },
  LEDGER_UNBALANCED: {
    status: 500,
    zh: '记账分录借贷不平衡，已拒绝',
    en: 'The ledger entry does not balance and was refused',
  },
  FUND_RESTRICTED: {
    status: 409,
    zh: '专款专用：资金“{fund}”只能用于{programme}',
    en: 'Restricted fund: “{fund}” may only pay {programme}',
  },
  ALLOCATION_NOT_DOWNWARD: {
    status: 400,
    zh: '资金只能从本级下拨到下级组织',
    en: 'Funds can only be allocated down to a subordinate organisation',
  },
  BUDGET_EXCEEDED: {
    status: 409,
    zh: '超出{programme}{year}年度预算：预算{budget}，已用及在批{used}，本次{amount}',
    en: 'Over the {year} budget for {programme}: budget {budget}, used or committed {used}, this {amount}',
  },
  PROGRAMME_TEMPLATE_UNKNOWN: { status: 404, zh: '救助标准模板不存在', en: 'Unknown programme template' },
  PROGRAMME_PARAMS_INVALID: {
    status: 400,
    zh: '救助标准参数不正确',
    en: 'The programme parameters are invalid',
  },
  PROGRAMME_NO_RULE: {
    status: 409,
    zh: '{org}在{date}没有生效的{programme}标准，请先采用模板',
    en: '{org} has no {programme} standard in force on {date}: adopt a template first',
  },
  BATCH_NOT_FOUND: { status: 404, zh: '发放批次不存在', en: 'Disbursement batch not found' },
  BATCH_BAD_STATUS: {
    status: 409,
    zh: '批次当前状态为“{status}”，不能执行此操作',
    en: 'The batch is “{status}”: this step is not possible now',
  },
  BATCH_EMPTY: { status: 409, zh: '批次中没有可发放的对象', en: 'The batch has nobody to pay' },
  GRANT_NOT_FOUND: { status: 404, zh: '发放记录不存在', en: 'Grant not found' },
  GRANT_DUPLICATE: {
    status: 409,
    zh: '该户{period}的{programme}已发放或在批，不能重复发放',
    en: 'This household already has {programme} for {period}: it cannot be paid twice',
  },
  GRANT_BAD_STATUS: {
    status: 409,
    zh: '发放记录当前状态为“{status}”，不能执行此操作',
    en: 'The grant is “{status}”: this step is not possible now',
  },
  GRANT_SIGNATURE_REQUIRED: {
    status: 400,
    zh: '现金发放须有领取人本人签字记录',
    en: 'A cash payment needs the recipient’s own signature record',
  },
  GRANT_PROXY_REFUSED: {
    status: 409,
    zh: '不得代领：签领人须为本人（{name}）',
    en: 'No collection by proxy: the recipient ({name}) must sign',
  },
  MAKER_CHECKER: {
    status: 403,
    zh: '提出人不能审批自己提出的事项',
    en: 'Whoever proposed it cannot approve it',
  },
  APPROVAL_WRONG_NODE: {
    status: 403,
    zh: '此事项须由{org}（{level}）审批',
    en: 'This must be approved by {org} ({level})',
  },
  PROGRAMME_INPUT_INVALID: {
    status: 400,
    zh: '救助申请的填报内容不完整或不正确',
    en: 'The application’s figures are incomplete or invalid',
  },
  APPLICATION_NOT_ELIGIBLE: {
    status: 409,
    zh: '不符合救助条件：{reason}',
    en: 'Not eligible: {reasonEn}',
  },
  APPLICATION_NOT_FOUND: { status: 404, zh: '救助申请不存在', en: 'Application not found' },
  APPLICATION_BAD_STATUS: {
    status: 409,
    zh: '申请当前状态为“{status}”，不能执行此操作',
    en: 'The application is “{status}”: this step is not possible now',
  },
  APPLICATION_INPUT_FROM_SYSTEM: {
    status: 400,
    zh: '“{fieldZh}”由系统按{source}填入，申请时不能填写或改动',
    en: '“{field}” comes from {sourceEn}; an application cannot supply or change it',
  },
  APPLICATION_AMOUNT_REQUIRED: {
    status: 400,
    zh: '此项规则只认定资格，金额由决定单位在批准时确定：请填写大于0且不超过{cap}的金额',
    en: 'This rule decides eligibility only; the deciding union sets the amount when approving: give an amount above 0 and at most {cap}',
  },
  APPLICATION_AMOUNT_FIXED: {
    status: 400,
    zh: '此项救助的金额已按规则计算，批准时不能改动',
    en: 'This application’s amount was computed by its rule; it cannot be changed at approval',
  },
  APPLICATION_MEMBER_REQUIRED: {
    status: 400,
    zh: '请选择受助的家庭成员（子女）',
    en: 'Choose the household member (child) the aid is for',
  },
  CAMPAIGN_NOT_FOUND: {
    status: 404,
    zh: '活动不存在或不覆盖本单位',
    en: 'Campaign not found or not covering this organisation',
  },
  CAMPAIGN_CLOSED: {
    status: 409,
    zh: '活动“{title}”不在进行中（{startsOn}至{endsOn}）',
    en: 'Campaign “{title}” is not running ({startsOn} to {endsOn})',
  },
  GRANT_FUND_REQUIRED: { status: 400, zh: '请选择支付资金', en: 'Choose the fund that pays' },
  PAYER_NOT_INDEPENDENT: {
    status: 403,
    zh: '提出、提交或审批此事项的人不能办理其支付',
    en: 'Whoever proposed, submitted or approved it cannot pay it',
  },
  CAMPAIGN_NOTHING_PENDING: {
    status: 409,
    zh: '活动“{title}”没有待本单位审批的名单',
    en: 'Campaign “{title}” has no entries waiting for this organisation’s decision',
  },
  FILE_NOT_IN_ARCHIVE: {
    status: 409,
    zh: '只有在档或已解困的困难职工家庭可以获得救助（该户当前：{status}）',
    en: 'Only households in the archive (filed or relieved) can receive aid; this one is {status}',
  },
  GRANT_NO_BANK_ACCOUNT: {
    status: 409,
    zh: '未登记银行账户，不能银行代发（{name}）',
    en: 'No bank account on file: {name} cannot be paid by bank transfer',
  },
  GRANT_REPAY_USED: {
    status: 409,
    zh: '该笔发放已重新支付过一次，再次失败只能作废',
    en: 'This grant was already paid again once; after another failure it can only be voided',
  },
  RECONCILE_BAD_FILE: {
    status: 400,
    zh: '银行回单文件格式不正确：{problem}',
    en: 'The bank result file is not valid: {problem}',
  },

  GOODS_STOCK_NOT_FOUND: { status: 404, zh: '库存物资不存在', en: 'Stock item not found' },
  GOODS_STOCK_INSUFFICIENT: {
    status: 409,
    zh: '{org}的“{item}”库存不足：现有{stock}{unit}，需要{quantity}{unit}',
    en: 'Not enough “{item}” at {org}: {stock} {unit} in stock, {quantity} {unit} asked',
  },
  GOODS_HOUSEHOLD_NOT_ELIGIBLE: {
    status: 409,
    zh: '物资只发放给在档或已解困的困难职工（该户当前：{status}）',
    en: 'Goods go only to households in the archive (filed or relieved); this one is {status}',
  },
  GOODS_HOUSEHOLD_OUTSIDE_NODE: {
    status: 409,
    zh: '该户不属于{org}及其下级组织，不能用{org}的库存发放',
    en: 'The household is not under {org}: {org}’s stock cannot be handed to it',
  },
  GOODS_PROXY_REFUSED: {
    status: 409,
    zh: '不得代领：签领人须为职工本人（{name}）或档案所列家庭成员',
    en: 'No collection by proxy: {name} or a family member listed in the file must sign',
  },
  GOODS_TRANSFER_NOT_DOWNWARD: {
    status: 400,
    zh: '物资只能调拨给本单位的下级组织',
    en: 'Goods can only be transferred down to a lower node',
  },
  GOODS_DATE_IN_FUTURE: {
    status: 400,
    zh: '日期不能晚于今天（{date}）',
    en: 'The date may not be in the future ({date})',
  },
  CERTIFICATE_NOT_FOUND: { status: 404, zh: '证件不存在', en: 'Certificate not found' },
  CERTIFICATE_NOT_ELIGIBLE: {
    status: 409,
    zh: '只有在档或已解困的困难职工家庭可以持证（该户当前：{status}）',
    en: 'Only households in the archive (filed or relieved) may hold a certificate; this one is {status}',
  },
  CERTIFICATE_DUPLICATE: {
    status: 409,
    zh: '该户已有未撤销的{kind}（{number}），请续期换证或先撤销',
    en: 'The household already holds a {kind} ({number}): renew it or revoke it first',
  },
  CERTIFICATE_BAD_STATUS: {
    status: 409,
    zh: '该证件{status}，不能再办理此项',
    en: 'The certificate is {status}: this cannot be done any more',
  },
  CERTIFICATE_ISSUER_NOT_ABOVE: {
    status: 409,
    zh: '发证单位须为该户所属组织或其上级（{org}不是）',
    en: 'The issuing union must be the household’s node or above it ({org} is not)',
  },
  CERTIFICATE_BAD_VALIDITY: {
    status: 400,
    zh: '有效期不正确：截止日期须晚于起始日期，且不超过5年',
    en: 'Invalid validity: the end must be after the start and at most 5 years later',
  },
  MONEY_NOTICE_EXISTS: {
    status: 409,
    zh: '该名单已公示（{startsOn}起{days}天），不能重复公示',
    en: 'The list is already on notice ({days} days from {startsOn})',
  },
  MONEY_NOTICE_NOT_OPEN: {
    status: 409,
    zh: '名单尚未公示，或不在公示期内（{startsOn}至{endsOn}），不能登记异议',
    en: 'The list is not on notice today ({startsOn} to {endsOn}): no objection can be recorded',
  },
  MONEY_OBJECTION_OPEN: {
    status: 409,
    zh: '公示期间有{count}条异议尚未核实，核实后才能审批',
    en: '{count} objection(s) raised during the notice are not verified yet: verify them before deciding',
  },
  MONEY_OBJECTION_NOT_FOUND: { status: 404, zh: '异议记录不存在', en: 'Objection not found' },
  MONEY_OBJECTION_BAD_STATUS: {
    status: 409,
    zh: '该异议已核实，不能再次核实',
    en: 'The objection has been verified already',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
