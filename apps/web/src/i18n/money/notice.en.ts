import type { Shape } from './index';
import type { moneyNoticeZh } from './notice.zh-CN';

/** 名单公示 of applications, campaigns and batches: the notice page, objections (English). */
export const moneyNoticeEn: Shape<typeof moneyNoticeZh> = {
  notice: {
    link: 'Public notice',
    back: 'Back',
    print: 'Print',
    none: 'Not on notice yet',
    open: 'Start the notice',
    startsOn: 'Notice starts on',
    days: 'Days on notice',
    period: 'Notice period',
    state: { scheduled: 'Not started', running: 'On notice', ended: 'Ended' },
    objections: 'Objections',
    noObjections: 'No objection raised during the notice',
    record: 'Record an objection',
    raisedBy: 'Raised by',
    text: 'Objection',
    raisedOn: 'Raised on',
    recordedBy: 'Recorded by',
    finding: 'Finding',
    verify: 'Verify',
    open_: 'To verify',
    verified: 'Verified',
    holds: 'Objections to verify: no decision until they are verified',
    save: 'Save',
    cancel: 'Cancel',
  },
};
