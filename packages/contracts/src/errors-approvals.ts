/**
 * Error codes of the approval bodies (seed 000 第三篇: 组长, 领导组, 委员会): rosters, meetings, quorum, votes,
 * countersignatures. Part of `errorCatalog` (errors.ts); same shape and rules.
 */
export const approvalErrors = {
  APPROVAL_BODY_NOT_FOUND: { status: 404, zh: '审批机构不存在', en: 'Approval body not found' },
  APPROVAL_BODY_EXISTS: {
    status: 409,
    zh: '{org}已设有“{kind}”，请修改其名单',
    en: '{org} already has its “{kindEn}”: edit its roster instead',
  },
  APPROVAL_MEMBER_NOT_FOUND: { status: 404, zh: '名单中没有这名成员', en: 'No such member on the roster' },
  APPROVAL_MEMBER_SELF: {
    status: 403,
    zh: '不能把自己列入或移出审批机构名单，须由其他管理员办理',
    en: 'Nobody puts themselves on, or takes themselves off, an approval body: another administrator does',
  },
  APPROVAL_MEMBER_NOT_APPROVER: {
    status: 409,
    zh: '{name}不是{org}有审批权限的在用账号，不能列入{body}',
    en: '{name} is not an active account with approval rights at {org}: not eligible for {body}',
  },
  APPROVAL_MEMBER_OVERLAP: {
    status: 409,
    zh: '{name}在{from}至{to}已在{body}名单中',
    en: '{name} is already on {body} from {from} to {to}',
  },
  APPROVAL_CHAIR_OVERLAP: {
    status: 409,
    zh: '{body}在{from}至{to}已有组长/主任{name}，同一时间只能有一位',
    en: '{body} already has a chair, {name}, from {from} to {to}: one at a time',
  },
  APPROVAL_DATES_INVALID: {
    status: 422,
    zh: '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  APPROVAL_MEETING_REQUIRED: {
    status: 409,
    zh: '此事项须由{body}集体研究决定：请录入会议编号、日期和到会成员的表决',
    en: 'This is decided collectively by {body}: record the meeting, its date and the votes of the members present',
  },
  APPROVAL_MEETING_NOT_NEEDED: {
    status: 422,
    zh: '此事项由{level}决定，不需要会议记录',
    en: 'This is decided by {level}: no meeting is recorded for it',
  },
  APPROVAL_MEETING_DATE: {
    status: 422,
    zh: '会议日期{date}不能晚于今天（{today}）',
    en: 'The meeting date {date} cannot be after today ({today})',
  },
  APPROVAL_MEETING_BEFORE_SUBJECT: {
    status: 422,
    zh: '会议日期{date}早于此事项提出的日期（{since}）',
    en: 'The meeting date {date} is before this was proposed ({since})',
  },
  APPROVAL_MEETING_NUMBER_DATE: {
    status: 409,
    zh: '{body}第{number}号会议已记录于{date}召开，日期不一致',
    en: 'Meeting {number} of {body} is recorded as held on {date}: the dates differ',
  },
  APPROVAL_MEETING_NOT_FOUND: { status: 404, zh: '会议记录不存在', en: 'Meeting record not found' },
  APPROVAL_NOT_BODY_MEMBER: {
    status: 403,
    zh: '您不在{body}{date}的成员名单中，不能录入其决定',
    en: 'You are not on the roster of {body} on {date}: you cannot record its decision',
  },
  APPROVAL_RECORDER_ABSENT: {
    status: 409,
    zh: '录入会议决定的成员须本人到会并表决',
    en: 'The member who records the meeting must have been present and voted',
  },
  APPROVAL_VOTER_NOT_MEMBER: {
    status: 422,
    zh: '账号{userId}不在{body}{date}的成员名单中，不能表决',
    en: 'Account {userId} is not on the roster of {body} on {date}: no vote',
  },
  APPROVAL_VOTE_DUPLICATE: {
    status: 422,
    zh: '{name}的表决重复录入',
    en: 'The vote of {name} is entered twice',
  },
  APPROVAL_MAKER_CANNOT_VOTE: {
    status: 409,
    zh: '{name}提出或提交了此事项，须回避：不能表决，也不计入到会人数',
    en: '{name} proposed or submitted this and must stand aside: no vote, and not counted present',
  },
  APPROVAL_QUORUM_NO_CHAIR: {
    status: 409,
    zh: '{body}须由组长/主任（{chair}）到会，本次未到会，不能作出决定',
    en: '{body} decides only with its chair ({chair}) present, who was not',
  },
  APPROVAL_QUORUM_TOO_FEW: {
    status: 409,
    zh: '{body}应到{roster}人，实到{present}人，须超过{share}即至少{needed}人到会',
    en: '{body} has {roster} members and {present} were present: more than {share}, at least {needed}, must be',
  },
  APPROVAL_VOTES_SHORT: {
    status: 409,
    zh: '同意{approve}票，须超过到会人数的{share}即至少{needed}票，不能批准',
    en: '{approve} in favour: more than {share} of those present, at least {needed}, are needed to approve',
  },
  APPROVAL_VOTES_CARRY: {
    status: 409,
    zh: '同意{approve}票已达到通过所需的{needed}票，表决结果为同意，不能记为不批准',
    en: '{approve} in favour reach the {needed} needed: the vote approves, it cannot be recorded as a rejection',
  },
  APPROVAL_NOT_CHAIR: {
    status: 403,
    zh: '此事项由{body}（{chair}）签字决定',
    en: 'This is signed by {body} ({chair})',
  },
  APPROVAL_NO_VOTE_TO_SIGN: {
    status: 409,
    zh: '您在这次会议中没有表决记录',
    en: 'You have no vote in this meeting',
  },
  APPROVAL_VOTE_SIGNED: {
    status: 409,
    zh: '您已在{at}确认本人的表决',
    en: 'You already countersigned your vote at {at}',
  },
} as const;
