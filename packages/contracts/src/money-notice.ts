import { z } from 'zod';

/** What a money notice (名单公示) is about: a batch, an application or a campaign. */
export const noticeSubjectTypes = ['batch', 'application', 'campaign'] as const;
export type NoticeSubjectType = (typeof noticeSubjectTypes)[number];

/** Open the notice: from a date (default today) for a number of days (default the node's archive notice days). */
export const OpenNoticeSchema = z.object({
  startsOn: z.iso.date().optional(),
  days: z.number().int().min(1).max(60).optional(),
});

/** An objection raised during the notice: who raised it (free text), what it says, the day (default today). */
export const ObjectionInputSchema = z.object({
  raisedBy: z.string().trim().min(1).max(100),
  text: z.string().trim().min(1).max(2000),
  raisedOn: z.iso.date().optional(),
});

/** The finding once the objection was verified (核实情况). */
export const VerifyObjectionSchema = z.object({ finding: z.string().trim().min(1).max(2000) });

export const NoticeObjectionSchema = z.object({
  id: z.number(),
  raisedBy: z.string(),
  text: z.string(),
  raisedOn: z.string(),
  recordedByName: z.string(),
  status: z.enum(['open', 'verified']),
  finding: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
export type NoticeObjection = z.infer<typeof NoticeObjectionSchema>;

/** A subject's notice: its period (state by the server's calendar), masked recipients and amounts, objections. */
export const MoneyNoticeSchema = z.object({
  subjectType: z.enum(noticeSubjectTypes),
  subjectId: z.number(),
  title: z.string(),
  orgName: z.string(),
  programme: z.string(),
  notice: z
    .object({
      id: z.number(),
      startsOn: z.string(),
      days: z.number(),
      endsOn: z.string(),
      state: z.enum(['scheduled', 'running', 'ended']),
      openedByName: z.string(),
    })
    .nullable(),
  defaultDays: z.number(),
  totalFen: z.number(),
  rows: z.array(
    z.object({ seq: z.number(), name: z.string(), idMasked: z.string(), unit: z.string(), amountFen: z.number() }),
  ),
  objections: z.array(NoticeObjectionSchema),
});
export type MoneyNotice = z.infer<typeof MoneyNoticeSchema>;
