import { z } from 'zod';

/** Staff roles and the worker self-service role. A user holds one or more. */
export const roles = [
  'admin',
  'intake_clerk',
  'reviewer',
  'approver',
  'finance',
  'auditor',
  'hotline_operator',
  'employment_officer',
  'legal_aid_officer',
  'worker',
] as const;
export type Role = (typeof roles)[number];
export const RoleSchema = z.enum(roles);

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '中心管理员', en: 'Centre administrator' },
  intake_clerk: { zh: '建档员（基层工会）', en: 'Intake clerk' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  approver: { zh: '审批人（领导小组/委员会）', en: 'Approver (leading group / committee)' },
  finance: { zh: '财务', en: 'Finance' },
  auditor: { zh: '审计（只读）', en: 'Auditor (read-only)' },
  hotline_operator: { zh: '信访/12351接线员', en: 'Hotline operator' },
  employment_officer: { zh: '就业帮扶专员', en: 'Employment officer' },
  legal_aid_officer: { zh: '法律援助专员', en: 'Legal-aid officer' },
  worker: { zh: '职工（自助）', en: 'Worker (self-service)' },
};

/**
 * Actions the system checks. Each later capability adds its actions here and its column in the matrix;
 * the server checks them in the service layer, the web uses them to show or hide.
 */
export const actions = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'audit.read',
  'personal.reveal',
  'archive.read',
  'archive.write',
  'archive.review',
  'archive.approve',
  'policy.read',
  'policy.write',
  'programme.read',
  'programme.write',
  'assistance.propose',
  'fund.read',
  'fund.write',
  'payment.approve',
  'servicedesk.read',
  'servicedesk.write',
  'servicedesk.supervise',
  'servicedesk.reveal',
  'employment.read',
  'employment.write',
  'legalaid.read',
  'legalaid.write',
  'legalaid.decide',
  'report.read',
  'self.read',
  'self.apply',
] as const;
export type Action = (typeof actions)[number];

export const actionLabels: Record<Action, { zh: string; en: string }> = {
  'org.read': { zh: '查看组织', en: 'View organisations' },
  'org.write': { zh: '维护组织', en: 'Manage organisations' },
  'user.read': { zh: '查看账号', en: 'View users' },
  'user.write': { zh: '维护账号与角色', en: 'Manage users and roles' },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit log' },
  'personal.reveal': { zh: '查看完整个人敏感信息', en: 'Reveal full personal data' },
  'archive.read': { zh: '查看档案', en: 'View files' },
  'archive.write': { zh: '建档与修改档案', en: 'File and edit households' },
  'archive.review': { zh: '审核档案', en: 'Review files' },
  'archive.approve': { zh: '审批档案', en: 'Approve files' },
  'policy.read': { zh: '查看政策', en: 'View policies' },
  'policy.write': { zh: '维护政策', en: 'Manage policies' },
  'programme.read': { zh: '查看救助标准与发放', en: 'View programme standards and disbursements' },
  'programme.write': { zh: '采用/调整救助标准与审批权限', en: 'Adopt programme standards and approval chains' },
  'assistance.propose': { zh: '提出救助（批次/申请）', en: 'Propose assistance (batches, applications)' },
  'fund.read': { zh: '查看资金', en: 'View funds' },
  'fund.write': { zh: '资金收支记账', en: 'Record fund movements' },
  'payment.approve': { zh: '审批发放', en: 'Approve payments' },
  'servicedesk.read': { zh: '查看信访来电', en: 'View service-desk cases' },
  'servicedesk.write': { zh: '登记办理信访来电', en: 'Handle service-desk cases' },
  'servicedesk.supervise': {
    zh: '督办信访工单、审批延期、重新交办',
    en: 'Supervise service-desk cases, approve extensions, reopen',
  },
  'servicedesk.reveal': {
    zh: '查看保密信访人信息（审计）',
    en: 'See confidential complainants (audit)',
  },
  'employment.read': { zh: '查看就业帮扶', en: 'View employment help' },
  'employment.write': { zh: '办理就业帮扶与小额借款', en: 'Handle employment help and micro-loans' },
  'legalaid.read': { zh: '查看法律援助', en: 'View legal aid' },
  'legalaid.write': { zh: '办理法律援助', en: 'Handle legal aid' },
  'legalaid.decide': {
    zh: '审查决定法律援助申请（法律援助领导组）',
    en: 'Decide legal-aid applications (legal-aid group)',
  },
  'report.read': { zh: '查看统计报表', en: 'View statistics' },
  'self.read': { zh: '查看本人档案', en: 'View own file' },
  'self.apply': { zh: '本人提交申请', en: 'Apply for oneself' },
};

const READ_ALL: Action[] = [
  'org.read',
  'user.read',
  'audit.read',
  'archive.read',
  'policy.read',
  'programme.read',
  'fund.read',
  'servicedesk.read',
  'employment.read',
  'legalaid.read',
  'report.read',
];

/** The permission matrix: role × action. docs/PERMISSIONS.md is generated from this table. */
export const permissionMatrix: Record<Role, readonly Action[]> = {
  admin: [
    'org.read',
    'org.write',
    'user.read',
    'user.write',
    'audit.read',
    'archive.read',
    'policy.read',
    'policy.write',
    'programme.read',
    'programme.write',
    'fund.read',
    'servicedesk.read',
    'servicedesk.supervise',
    'employment.read',
    'legalaid.read',
    'report.read',
  ],
  intake_clerk: [
    'org.read',
    'archive.read',
    'archive.write',
    'personal.reveal',
    'policy.read',
    'programme.read',
    'assistance.propose',
    'report.read',
  ],
  reviewer: [
    'org.read',
    'archive.read',
    'archive.review',
    'personal.reveal',
    'policy.read',
    'programme.read',
    'assistance.propose',
    'report.read',
  ],
  approver: [
    'org.read',
    'archive.read',
    'archive.approve',
    'policy.read',
    'programme.read',
    'fund.read',
    'payment.approve',
    'servicedesk.read',
    'servicedesk.supervise',
    'legalaid.read',
    'legalaid.decide',
    'report.read',
  ],
  finance: [
    'org.read',
    'archive.read',
    'personal.reveal',
    'policy.read',
    'programme.read',
    'fund.read',
    'fund.write',
    'report.read',
  ],
  auditor: [...READ_ALL, 'servicedesk.reveal'],
  hotline_operator: ['org.read', 'servicedesk.read', 'servicedesk.write', 'archive.read'],
  employment_officer: ['org.read', 'employment.read', 'employment.write', 'archive.read'],
  legal_aid_officer: ['org.read', 'legalaid.read', 'legalaid.write', 'archive.read'],
  worker: ['self.read', 'self.apply'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Action> {
  const set = new Set<Action>();
  for (const r of userRoles) for (const a of permissionMatrix[r]) set.add(a);
  return set;
}

export function can(userRoles: readonly Role[], action: Action): boolean {
  return userRoles.some((r) => permissionMatrix[r].includes(action));
}
