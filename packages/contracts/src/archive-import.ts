import { z } from 'zod';

export const importStatuses = [
  'validating',
  'ready',
  /** Asked to be committed as 在档: waits for a second person (archive.approve, upper node). */
  'pending_approval',
  'committing',
  'committed',
  'failed',
  'cancelled',
] as const;
export const importRowStatuses = ['valid', 'invalid', 'suspected', 'accepted', 'rejected', 'committed'] as const;

export const ImportBatchSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  filename: z.string(),
  status: z.enum(importStatuses),
  total: z.number().int(),
  processed: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  suspected: z.number().int(),
  committed: z.number().int(),
  error: z.string().nullable(),
  /** To be committed as 在档 (after a second person's approval). */
  asFiled: z.boolean(),
  createdBy: z.number().int().nullable(),
  commitRequestedBy: z.number().int().nullable(),
  /** Left validating or committing by a server that stopped: offer resume (committing) or cancel. */
  interrupted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

export const ImportProblemSchema = z.object({ column: z.string(), problem: z.string() });
export const ImportRowSchema = z.object({
  id: z.number().int(),
  row: z.number().int(),
  status: z.enum(importRowStatuses),
  name: z.string().nullable(),
  problems: z.array(ImportProblemSchema),
  householdId: z.number().int().nullable(),
});

export const ImportRowQuerySchema = z.object({
  status: z.enum(importRowStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ImportDecisionSchema = z.object({ decision: z.enum(['accept', 'reject']) });
export const ImportCommitSchema = z.object({
  /** Migrating an existing paper/Excel archive: files enter as 在档 directly (approvers only). */
  asFiled: z.boolean().default(false),
});

/** Attachment kinds of a household file (申请材料, 诊断证明, 票据, 入户照片, 异议材料). */
export const attachmentKinds = [
  'id_copy',
  'hukou',
  'application',
  'diagnosis',
  'receipt',
  'visit_photo',
  'objection',
  'other',
] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
