import { z } from 'zod';

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  chain: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  orgPath: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  chains: z.array(
    z.object({
      chain: z.string(),
      entries: z.number().int(),
      headHash: z.string().nullable(),
      problems: z.array(z.object({ seq: z.number().int().nullable(), problem: z.string() })),
    }),
  ),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
