import { z } from 'zod';

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

/** A row id in a path: int4 in PostgreSQL, so anything above 2³¹−1 is a 400, not a database error. */
export const IdParamSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ dialect: z.enum(['sqlite', 'postgres']), ok: z.boolean(), migration: z.string().nullable() }),
  time: z.string(),
});
