/** Error codes of change requests (变更申请) on filed households; spread into `errorCatalog`. */
export const changeErrors = {
  ARCHIVE_CHANGE_NOT_FOUND: {
    status: 404,
    zh: '变更申请不存在或不在您的管辖范围内',
    en: 'Change request not found or out of scope',
  },
  ARCHIVE_CHANGE_FILE_STATUS: {
    status: 409,
    zh: '只有在档或解困的档案可以申请变更，此档案当前为“{status}”',
    en: 'Only files in the archive (filed or relieved) take change requests; this one is “{status}”',
  },
  ARCHIVE_CHANGE_STALE: {
    status: 409,
    zh: '此变更申请基于第{base}版档案提出，档案已更新为第{current}版；请驳回后按最新档案重新申请',
    en: 'This change was proposed against version {base}; the file is now at version {current}: reject it and propose again',
  },
  ARCHIVE_CHANGE_BAD_STATUS: {
    status: 409,
    zh: '变更申请当前状态为“{status}”，不能执行此操作',
    en: 'The change request is “{status}”: this step is not possible now',
  },
  ARCHIVE_CHANGE_SAME_PERSON: {
    status: 403,
    zh: '变更申请的提出人、审核人和审批人须为不同的人',
    en: 'The proposer, the reviewer and the approver of a change must be different people',
  },
  ARCHIVE_CHANGE_NOT_PROPOSER: {
    status: 403,
    zh: '只有提出人可以撤回变更申请',
    en: 'Only the proposer may withdraw a change request',
  },
  ARCHIVE_CHANGE_IDENTITY: {
    status: 400,
    zh: '变更申请不能更改职工本人的身份证号码（错档请注销后重新建档）',
    en: 'A change cannot alter the worker’s own ID number (a wrong file is cancelled and filed again)',
  },
  ARCHIVE_CHANGE_NOTHING: {
    status: 400,
    zh: '申请的内容与当前档案相同，没有需要变更的信息',
    en: 'The proposal is the same as the file: nothing to change',
  },
  SELF_CHANGE_MEMBER: {
    status: 400,
    zh: '档案中没有第{seq}位家庭成员',
    en: 'The file has no member number {seq}',
  },
} as const;
