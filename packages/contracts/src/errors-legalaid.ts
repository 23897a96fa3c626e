/** Error codes of legal aid (法律援助), mediation and the lawyers' roster; spread into `errorCatalog`. */
export const legalAidErrors = {
  LEGAL_AID_NOT_FOUND: {
    status: 404,
    zh: '法律援助申请不存在或不在您的管辖范围内',
    en: 'Legal-aid application not found or out of scope',
  },
  LEGAL_AID_BAD_STATUS: {
    status: 409,
    zh: '法律援助申请当前为“{status}”，不能{step}',
    en: 'The legal-aid application is “{status}”: cannot {stepEn}',
  },
  LEGAL_AID_SAME_PERSON: {
    status: 403,
    zh: '登记人不能审查决定本人登记的法律援助申请，须由法律援助领导组其他成员决定',
    en: 'The person who registered the application may not decide it: another member of the legal-aid group does',
  },
  LEGAL_AID_INVALID_ID: {
    status: 400,
    zh: '身份证号码不正确：{zh}',
    en: 'The ID number is not valid: {en}',
  },
  LEGAL_AID_BAD_DATE: {
    status: 422,
    zh: '日期不正确：{what}',
    en: 'The date is not valid: {whatEn}',
  },
  LEGAL_AID_NOT_MEDIATION: {
    status: 409,
    zh: '只有“劳动争议调解”案件可以登记调解记录和调解协议（本案为“{kind}”）',
    en: 'Only labour-dispute mediation cases hold a mediation record and agreement (this case: {kindEn})',
  },
  LEGAL_AID_NO_MEDIATION: {
    status: 409,
    zh: '请先登记调解记录（当事人、调解员），再登记调解协议',
    en: 'Record the mediation (parties, mediator) before the agreement',
  },
  LEGAL_AID_AGREEMENT_RECORDED: {
    status: 409,
    zh: '调解协议已于{signedOn}签订登记，不能重复登记',
    en: 'The agreement signed on {signedOn} is already recorded',
  },
  LEGAL_AID_NO_AGREEMENT: {
    status: 409,
    zh: '劳动争议调解案件以“调解结案”结案，须先登记调解协议',
    en: 'A mediation case closed as mediated needs its agreement recorded first',
  },
  LEGAL_AID_STEP_NOT_FOUND: { status: 404, zh: '办理进程记录不存在', en: 'Case step not found' },
  LEGAL_AID_STEP_HAS_RESULT: {
    status: 409,
    zh: '该进程已登记结果',
    en: 'This step already has its result',
  },
  LEGAL_LAWYER_NOT_FOUND: {
    status: 404,
    zh: '律师不存在或不在本单位及上级工会的律师名册中',
    en: 'Lawyer not found on the roster of this union or the unions above it',
  },
  LEGAL_LAWYER_UNAVAILABLE: {
    status: 422,
    zh: '律师“{name}”当前不可指派：{why}',
    en: 'Lawyer “{name}” cannot be assigned: {whyEn}',
  },
  LEGAL_LAWYER_DUPLICATE: {
    status: 409,
    zh: '执业证号 {licenceNo} 已在“{org}”的律师名册中',
    en: 'Licence {licenceNo} is already on the roster of “{org}”',
  },
  LEGAL_LAWYER_CHANGED: {
    status: 409,
    zh: '律师信息已被他人修改，请刷新后重试',
    en: 'Someone else changed this lawyer meanwhile: reload and try again',
  },
} as const;
