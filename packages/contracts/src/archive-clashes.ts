import { z } from 'zod';
import { fileStatuses } from './archive-codes.js';
import { pageOf } from './common.js';

/**
 * 一人一档 over existing data, for staff (`GET /api/v1/households/clashes`): persons — a file's worker or a member —
 * held by more than one active file, at least one of them in the caller's subtree. A file in scope is shown as
 * the caller could open it; a file outside names only the union that holds it (as the intake refusal does):
 * no number, status, role or name.
 */
export const ClashFileInScopeSchema = z.object({
  inScope: z.literal(true),
  householdId: z.number().int(),
  fileNo: z.string(),
  /** The file's worker. */
  householdName: z.string(),
  org: z.string(),
  status: fileStatuses.schema,
  /** The person's place in that file. */
  as: z.enum(['worker', 'member']),
});
export const ClashFileOutsideSchema = z.object({ inScope: z.literal(false), org: z.string() });
export const ClashFileSchema = z.discriminatedUnion('inScope', [ClashFileInScopeSchema, ClashFileOutsideSchema]);

export const ClashSchema = z.object({
  /** As on the first file in scope: name and the ID's last four only. */
  name: z.string(),
  idMasked: z.string().nullable(),
  /** Files in scope by number, then each outside union once. */
  files: z.array(ClashFileSchema),
});
export type Clash = z.infer<typeof ClashSchema>;
export type ClashFile = z.infer<typeof ClashFileSchema>;
export type ClashFileInScope = z.infer<typeof ClashFileInScopeSchema>;

export const ClashPageSchema = pageOf(ClashSchema);

export const ClashQuerySchema = z.object({
  /** Only persons held by a file in this node's subtree (within the caller's). */
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ClashQuery = z.infer<typeof ClashQuerySchema>;
