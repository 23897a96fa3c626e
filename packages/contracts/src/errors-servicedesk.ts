/** Error codes of the rights desk (work orders, duty roster). Part of `errorCatalog` (errors.ts); same shape and rules. */
export const serviceDeskErrors = {
  WORK_ORDER_NOT_FOUND: {
    status: 404,
    zh: '工单不存在或不在您的管辖范围内',
    en: 'Work order not found or out of scope',
  },
  WORK_ORDER_BAD_STATUS: {
    status: 409,
    zh: '工单当前为“{status}”，不能{step}',
    en: 'The work order is “{status}”: cannot {stepEn}',
  },
  WORK_ORDER_NOT_OWNER: {
    status: 403,
    zh: '首问责任制：只有承办人（{owner}）可以{step}',
    en: 'Only the owner ({owner}) may {stepEn}',
  },
  WORK_ORDER_NOT_AT_YOUR_NODE: {
    status: 403,
    zh: '工单在“{org}”待签收，只能由该单位签收或退回',
    en: 'The work order waits at “{org}”: only that union accepts or returns it',
  },
  WORK_ORDER_SAME_NODE: {
    status: 409,
    zh: '工单已在“{org}”，不能转办给本单位',
    en: 'The work order is already at “{org}”',
  },
  WORK_ORDER_TARGET_NOT_BELOW: {
    status: 409,
    zh: '分级主办：只能转办给“{org}”下属的工会',
    en: 'Orders go down the tree: only to a union below “{org}”',
  },
  WORK_ORDER_NOT_UPPER: {
    status: 403,
    zh: '督办须由工单所在单位的上级工会进行',
    en: 'Supervision is set by a union above the one holding the order',
  },
  WORK_ORDER_NOT_SUPERIOR: {
    status: 403,
    zh: '须由承办人的上级（有督办权限的人员）或督办单位办理，承办人本人不能{step}',
    en: 'This needs the owner’s superior or the supervising union; the owner may not {stepEn}',
  },
  WORK_ORDER_EXTENSION_USED: {
    status: 409,
    zh: '每件工单只能申请延期一次（已{state}）',
    en: 'A work order may be extended once (already {stateEn})',
  },
  WORK_ORDER_NO_EXTENSION_PENDING: {
    status: 409,
    zh: '没有待审批的延期申请',
    en: 'No extension request is waiting for a decision',
  },
  WORK_ORDER_NOT_UNSATISFIED: {
    status: 409,
    zh: '只有回访“不满意”的工单可以重新办理',
    en: 'Only an order whose callback was “unsatisfied” may be reopened',
  },
  WORK_ORDER_CALLBACK_DONE: { status: 409, zh: '该工单已回访', en: 'The callback is already recorded' },
  WORK_ORDER_BAD_COLLEAGUE: {
    status: 422,
    zh: '“{name}”不是本单位在职的信访/热线办理人员',
    en: '“{name}” is not active service-desk staff of this union',
  },
  WORK_ORDER_INVALID_ID: {
    status: 400,
    zh: '身份证号码不正确：{zh}',
    en: 'The ID number is not valid: {en}',
  },
  WORK_ORDER_BAD_DATE: {
    status: 422,
    zh: '日期不正确：{what}',
    en: 'The date is not valid: {whatEn}',
  },
  WORK_ORDER_CONFIDENTIAL: {
    status: 403,
    zh: '保密：只有承办人、督办单位和审计人员可以查看该人员信息',
    en: 'Confidential: only the owner, the supervising union and auditors may see this person',
  },
  WORK_ORDER_SUPERVISION_NOT_FOUND: { status: 404, zh: '督办记录不存在', en: 'Supervision not found' },
  WORK_ORDER_SUPERVISION_REPORTED: {
    status: 409,
    zh: '该督办已报告办理情况',
    en: 'This supervision has already been reported on',
  },
  DUTY_SHIFT_NOT_FOUND: { status: 404, zh: '值班记录不存在', en: 'Duty shift not found' },
  DUTY_SHIFT_BAD_TIMES: {
    status: 422,
    zh: '值班时间不正确：结束须晚于开始，且一班不超过48小时',
    en: 'Shift times are not valid: the end must follow the start, at most 48 hours',
  },
  DUTY_SHIFT_STARTED: {
    status: 409,
    zh: '值班已开始，不能取消',
    en: 'The shift has started and cannot be cancelled',
  },
  DUTY_SHIFT_NOT_YOURS: {
    status: 403,
    zh: '交接班记录由当班人员（{user}）填写',
    en: 'The handover note is written by the person on duty ({user})',
  },
} as const;
