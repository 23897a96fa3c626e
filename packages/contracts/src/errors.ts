import { approvalErrors } from './errors-approvals.js';
import { changeErrors } from './errors-changes.js';
import { moneyErrors } from './errors-money.js';
import { reviewErrors } from './errors-review.js';
import { serviceDeskErrors } from './errors-servicedesk.js';

/**
 * Stable error codes. A message may name a detail in braces ('{holder}'): it is filled from the error's details. Every error the API returns carries one of these codes with a Chinese and an
 * English message. The HTTP status belongs to the code, so callers may rely on both.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '输入数据不符合要求', en: 'The input is not valid' },
  BAD_JSON: { status: 400, zh: '请求内容不是合法的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, zh: '请求的资源不存在', en: 'The requested resource does not exist' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  INTERNAL: { status: 500, zh: '系统内部错误，请联系管理员', en: 'Internal error, contact the administrator' },
  ORIGIN_REFUSED: {
    status: 403,
    zh: '请求来自其他网站，已拒绝；请在本系统页面中操作',
    en: 'The request came from another site and was refused; use the application itself',
  },

  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误（连续5次错误后账号将锁定15分钟）',
    en: 'Wrong username or password (5 failures in a row lock the account for 15 minutes)',
  },
  AUTH_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定15分钟',
    en: 'Too many failed sign-ins: the account is locked for 15 minutes',
  },
  AUTH_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session has expired, sign in again' },
  AUTH_WRONG_PASSWORD: { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
  AUTH_WEAK_PASSWORD: {
    status: 400,
    zh: '密码不符合要求：至少10位，须包含字母和数字，不能是常见密码，不能只由用户名、姓名、年份、键盘顺序或重复字符组成',
    en: 'Password too weak: at least 10 characters with letters and digits, not a common password, not made only of the username, name, years, keyboard walks or repeated characters',
  },
  AUTH_PASSWORD_REUSED: {
    status: 400,
    zh: '新密码不能与原密码相同',
    en: 'The new password must differ from the old one',
  },
  AUTH_MUST_CHANGE_PASSWORD: {
    status: 403,
    zh: '请先修改初始密码',
    en: 'Change your initial password first',
  },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_SCOPE: {
    status: 404,
    zh: '记录不存在或不在您的管辖范围内',
    en: 'Not found or outside your organisation',
  },

  ORG_NOT_FOUND: { status: 404, zh: '组织不存在或不在您的管辖范围内', en: 'Organisation not found or out of scope' },
  ORG_INVALID_PARENT_TYPE: {
    status: 400,
    zh: '上下级组织类型不匹配',
    en: 'This organisation type cannot sit under that parent',
  },
  ORG_DUPLICATE_CODE: { status: 409, zh: '行政区划代码已被其他组织使用', en: 'The division code is already used' },
  ORG_DUPLICATE_NAME: { status: 409, zh: '同一上级下已有同名组织', en: 'A sibling with that name already exists' },
  ORG_MOVE_INTO_SELF: {
    status: 400,
    zh: '不能把组织移动到它自己或其下级之下',
    en: 'An organisation cannot move under itself or its descendants',
  },
  ORG_ROOT_IMMUTABLE: {
    status: 400,
    zh: '不能移动或停用您所在的根组织',
    en: 'Your own root organisation cannot be moved or deactivated',
  },
  ORG_INACTIVE: { status: 409, zh: '组织已停用', en: 'The organisation is inactive' },
  ORG_HAS_ACTIVE_USERS: {
    status: 409,
    zh: '该组织及其下级仍有在用账号，请先停用或转移账号',
    en: 'Active users remain in this subtree: disable or move them first',
  },
  ORG_IMPORT_INVALID: {
    status: 400,
    zh: '导入文件有错误，未导入任何数据',
    en: 'The import file has errors; nothing was imported',
  },
  ORG_IMPORT_FORMAT: {
    status: 400,
    zh: '无法读取导入文件，请使用 .xlsx 或 .csv',
    en: 'Cannot read the file; use .xlsx or .csv',
  },

  USER_NOT_FOUND: { status: 404, zh: '用户不存在或不在您的管辖范围内', en: 'User not found or out of scope' },
  USER_DUPLICATE_USERNAME: { status: 409, zh: '用户名已存在', en: 'The username is taken' },
  USER_ROLE_NOT_ALLOWED: {
    status: 403,
    zh: '不能授予超出自身权限的角色',
    en: 'You cannot grant a role beyond your own rights',
  },
  USER_GRANT_NOT_ALLOWED: {
    status: 403,
    zh: '本级的敏感角色（审核、审批、财务、查看个人信息、管理员）须由上级组织的管理员授予或管理',
    en: 'Sensitive roles at your own node (review, approval, finance, personal data, admin) are granted and managed by an administrator above',
  },
  USER_SELF_CHANGE: {
    status: 403,
    zh: '不能修改自己的角色、所属组织或状态',
    en: 'You cannot change your own roles, node or status',
  },
  USER_SELF_LOCKOUT: {
    status: 400,
    zh: '不能停用自己的账号或移除自己的管理员角色',
    en: 'You cannot disable yourself or drop your own admin role',
  },

  ARCHIVE_NOT_FOUND: { status: 404, zh: '档案不存在或不在您的管辖范围内', en: 'File not found or out of scope' },
  ARCHIVE_INVALID_ID: { status: 400, zh: '身份证号码无效', en: 'The resident ID number is invalid' },
  ARCHIVE_DUPLICATE_PERSON: {
    status: 409,
    zh: '此人已在“{holder}”建档，不能重复建档',
    en: 'This person already has an active file at “{holder}”: no second filing',
  },
  ARCHIVE_PERSON_IN_OTHER_FILE: {
    status: 409,
    zh: '此人已是“{holder}”一份有效档案的职工或家庭成员，一人只能在一个家庭档案中',
    en: 'This person is already the worker or a member of an active file at “{holder}”: one person, one file',
  },
  ARCHIVE_DUPLICATE_MEMBER: {
    status: 400,
    zh: '家庭成员身份证号码重复',
    en: 'Two household members share an ID number',
  },
  ARCHIVE_NOT_EDITABLE: {
    status: 409,
    zh: '档案当前状态下不能修改',
    en: 'The file cannot be edited in its current status',
  },
  ARCHIVE_STALE_VERSION: {
    status: 409,
    zh: '档案已被他人修改，请刷新后重试',
    en: 'The file was changed by someone else: reload and try again',
  },
  ARCHIVE_BAD_TRANSITION: {
    status: 409,
    zh: '档案当前状态为“{status}”，不能执行此操作',
    en: 'The file is “{status}”: this step is not possible now',
  },
  ARCHIVE_REVIEW_DUPLICATE: {
    status: 409,
    zh: '该档案已登记过{reviewedOn}的同一方式回访，不能重复登记',
    en: 'A review by the same method on {reviewedOn} is already recorded for this file',
  },
  ARCHIVE_TRANSFER_SAME_ORG: {
    status: 409,
    zh: '档案已在“{org}”，无需转移',
    en: 'The file is already at “{org}”',
  },
  ARCHIVE_INCOME_FUTURE_MONTH: {
    status: 400,
    zh: '不能登记未来月份（{month}）的收入',
    en: 'Income cannot be recorded for a future month ({month})',
  },
  ARCHIVE_NOTICE_RUNNING: {
    status: 409,
    zh: '公示期至{noticeEnd}止，公示期满后才能报批',
    en: 'The public notice runs until {noticeEnd}: wait for it to end',
  },
  ARCHIVE_APPROVER_NOT_UPPER: {
    status: 403,
    zh: '档案须由上级工会审批，本级不能审批本级档案',
    en: 'A file is approved by an upper union, not by its own node',
  },
  ARCHIVE_OVERRIDE_REASON: {
    status: 400,
    zh: '调整系统建议的困难类别时须填写理由',
    en: 'A reason is required to override the proposed grade',
  },
  ARCHIVE_IMPORT_FORMAT: {
    status: 400,
    zh: '无法读取导入文件，请使用档案导入模板（.xlsx）',
    en: 'Cannot read the file: use the archive import template (.xlsx)',
  },
  ARCHIVE_IMPORT_COLUMNS: {
    status: 400,
    zh: '导入文件缺少必需的列：{missing}',
    en: 'The file lacks required columns: {missing}',
  },
  ARCHIVE_IMPORT_NOT_FOUND: { status: 404, zh: '导入批次不存在', en: 'Import batch not found' },
  ARCHIVE_IMPORT_STATE: {
    status: 409,
    zh: '导入批次当前状态为“{status}”，不能执行此操作',
    en: 'The import batch is “{status}”: not possible now',
  },
  ARCHIVE_IMPORT_SELF_APPROVAL: {
    status: 403,
    zh: '作为在档档案导入须由另一人审批，导入人不能审批自己的导入',
    en: 'An import as filed needs a second person: the importer cannot approve it',
  },
  USER_WORKER_NEEDS_ID: {
    status: 400,
    zh: '职工自助账号须填写本人有效身份证号码',
    en: 'A worker account needs the worker’s valid ID number',
  },
  SELF_NO_FILE: { status: 404, zh: '尚未查到您的档案', en: 'No file of yours was found' },
  SELF_NOT_OWN_ID: { status: 403, zh: '只能为本人提交申请', en: 'You can apply only for yourself' },
  SELF_BIND_CODE_INVALID: {
    status: 400,
    zh: '绑定码无效、已使用或已过期，或与身份证号不符，请向所在工会重新领取',
    en: 'The binding code is invalid, used, expired or does not match the ID number: ask your union for a new one',
  },
  SELF_ALREADY_LINKED: { status: 409, zh: '本账号已绑定档案', en: 'This account is already linked to a file' },
  SELF_APPLY_REFUSED: {
    status: 409,
    zh: '无法在线受理，请携带身份证到所在工会办理',
    en: 'This cannot be handled online: please visit your union with your ID card',
  },
  SELF_NOT_WORKER_ACCOUNT: {
    status: 400,
    zh: '只能为职工自助账号绑定档案',
    en: 'Only a worker self-service account can be linked to a file',
  },
  POLICY_NOT_FOUND: {
    status: 404,
    zh: '本级及上级均未设定生效的认定政策',
    en: 'No eligibility policy is in force at this node or above',
  },
  POLICY_INVALID: {
    status: 400,
    zh: '政策参数不完整或不合理',
    en: 'The policy parameters are incomplete or inconsistent',
  },
  ATTACHMENT_TYPE: {
    status: 415,
    zh: '附件只能是 JPG、PNG 图片或 PDF 文件',
    en: 'Attachments must be JPG or PNG images or PDF files',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, zh: '附件不能超过10MB', en: 'An attachment may not exceed 10 MB' },
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'Attachment not found' },
  FILE_LIMIT_EXCEEDED: {
    status: 422,
    zh: '文件超出限制：{what}超过上限 {max}，请拆分或精简后再上传',
    en: 'The file exceeds a limit: {whatEn} above {max}; split or trim it and upload again',
  },
  FILE_UNSAFE_CONTENT: {
    status: 422,
    zh: '文件含有不允许的内容（DTD 或实体声明），请用 Excel 另存为 .xlsx 后再上传',
    en: 'The file holds content that is not allowed (a DTD or entity declarations); save it again from Excel',
  },
  FILE_PARSER_BUSY: {
    status: 503,
    zh: '正在读取的文件过多，请稍后再试',
    en: 'Too many files are being read at the moment; try again shortly',
  },
  ...moneyErrors,
  ...approvalErrors,
  ...serviceDeskErrors,
  ...reviewErrors,
  ...changeErrors,
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** Chinese message, shown to users. */
    message: string;
    /** English message. */
    messageEn: string;
    details?: unknown;
  };
}
