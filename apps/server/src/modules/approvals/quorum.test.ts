import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.js';
import { type Ballot, judgeMeeting, moreThan } from './quorum.js';

const roster = [
  { userId: 1, name: '主任', role: 'chair' },
  { userId: 2, name: '委员甲', role: 'member' },
  { userId: 3, name: '委员乙', role: 'member' },
  { userId: 4, name: '委员丙', role: 'member' },
  { userId: 5, name: '委员丁', role: 'member' },
];
const rule = { chairRequired: true, presentBp: 5000, approveBp: 5000 };
const judge = (ballots: Ballot[], over: Partial<Parameters<typeof judgeMeeting>[0]> = {}) =>
  judgeMeeting({
    body: '委员会',
    date: '2026-12-01',
    rule,
    roster,
    makers: new Set(),
    ballots,
    recorder: 1,
    decision: 'approve',
    ...over,
  });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return { code: (e as AppError).code, details: (e as AppError).details };
  }
  return null;
};
const yes = (userId: number): Ballot => ({ userId, vote: 'approve' });
const no = (userId: number): Ballot => ({ userId, vote: 'reject' });

describe('a collective decision judged on its meeting', () => {
  it('more than a share: a majority of 5 is 3, of 4 is 3, of 3 is 2; 0 bp means at least one', () => {
    expect([moreThan(5, 5000), moreThan(4, 5000), moreThan(3, 5000), moreThan(7, 0)]).toEqual([3, 3, 2, 1]);
    expect(moreThan(9, 6666)).toBe(6); // two thirds of 9
  });

  it('passes with the chair and a majority present, and a majority of those present approving', () => {
    const j = judge([yes(1), yes(2), no(3)]);
    expect(j).toMatchObject({ rosterCount: 5, approveCount: 2, neededPresent: 3, neededApprove: 2 });
    expect(j.absent).toEqual([
      { name: '委员丙', excused: false },
      { name: '委员丁', excused: false },
    ]);
  });

  it('names what is missing: the chair, the members present, the approving votes', () => {
    expect(code(() => judge([yes(2), yes(3), yes(4)], { recorder: 2 }))).toEqual({
      code: 'APPROVAL_QUORUM_NO_CHAIR',
      details: { body: '委员会', chair: '主任' },
    });
    expect(code(() => judge([yes(1), yes(2)]))).toMatchObject({
      code: 'APPROVAL_QUORUM_TOO_FEW',
      details: { roster: 5, present: 2, needed: 3, share: '50%' },
    });
    expect(code(() => judge([yes(1), no(2), { userId: 3, vote: 'abstain' }]))).toMatchObject({
      code: 'APPROVAL_VOTES_SHORT',
      details: { approve: 1, needed: 2 },
    });
    // Without the chair requirement, three members decide.
    expect(judge([yes(2), yes(3), yes(4)], { recorder: 2, rule: { ...rule, chairRequired: false } }).approveCount).toBe(
      3,
    );
  });

  it('a rejection needs the quorum too, and cannot be recorded when the votes approve', () => {
    expect(judge([no(1), no(2), yes(3)], { decision: 'reject' }).approveCount).toBe(1);
    expect(code(() => judge([yes(1), yes(2), no(3)], { decision: 'reject' }))?.code).toBe('APPROVAL_VOTES_CARRY');
    expect(code(() => judge([no(1)], { decision: 'reject' }))?.code).toBe('APPROVAL_QUORUM_TOO_FEW');
  });

  it('a maker stands aside: their vote is refused, and they are not counted present (they stay on the roster)', () => {
    const makers = new Set([3]);
    expect(code(() => judge([yes(1), yes(2), yes(3)], { makers }))).toEqual({
      code: 'APPROVAL_MAKER_CANNOT_VOTE',
      details: { name: '委员乙' },
    });
    expect(code(() => judge([yes(1), yes(2)], { makers }))?.code).toBe('APPROVAL_QUORUM_TOO_FEW');
    const j = judge([yes(1), yes(2), yes(4)], { makers });
    expect(j.absent).toEqual([
      { name: '委员乙', excused: true },
      { name: '委员丁', excused: false },
    ]);
  });

  it('only roster members vote, once each, and the member recording the meeting is one of those present', () => {
    expect(code(() => judge([yes(1), yes(9)]))).toMatchObject({
      code: 'APPROVAL_VOTER_NOT_MEMBER',
      details: { userId: 9 },
    });
    expect(code(() => judge([yes(1), yes(2), yes(2)]))?.code).toBe('APPROVAL_VOTE_DUPLICATE');
    expect(code(() => judge([yes(1), yes(2), yes(3)], { recorder: 8 }))?.code).toBe('APPROVAL_NOT_BODY_MEMBER');
    expect(code(() => judge([yes(1), yes(2), yes(3)], { recorder: 4 }))?.code).toBe('APPROVAL_RECORDER_ABSENT');
  });
});
