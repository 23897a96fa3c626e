import { z } from 'zod';

/** Organisation node types from 全总 down to service stations (三级/四级/五级网络). */
export const orgTypes = [
  'national',
  'province',
  'city',
  'county',
  'street',
  'enterprise',
  'community',
  'station',
] as const;
export type OrgType = (typeof orgTypes)[number];
export const OrgTypeSchema = z.enum(orgTypes);

export const orgTypeLabels: Record<OrgType, { zh: string; en: string }> = {
  national: { zh: '全国总工会', en: 'National' },
  province: { zh: '省级工会', en: 'Province' },
  city: { zh: '市级工会', en: 'City' },
  county: { zh: '县区工会', en: 'County/district' },
  street: { zh: '乡镇街道工会', en: 'Street/township' },
  enterprise: { zh: '企业工会', en: 'Enterprise' },
  community: { zh: '社区工会', en: 'Community' },
  station: { zh: '帮扶工作站', en: 'Service station' },
};

/** Rank in the tree: a child must rank below its parent (enterprises may nest: group → subsidiary). */
export const orgTypeRank: Record<OrgType, number> = {
  national: 0,
  province: 1,
  city: 2,
  county: 3,
  street: 4,
  enterprise: 5,
  community: 5,
  station: 6,
};

export function canParent(parent: OrgType, child: OrgType): boolean {
  if (parent === 'enterprise' && child === 'enterprise') return true;
  return orgTypeRank[child] > orgTypeRank[parent];
}

export const orgStatuses = ['active', 'inactive'] as const;
export const OrgStatusSchema = z.enum(orgStatuses);

/** 行政区划代码: 6 digits (county level) or 9/12 digits (township, village level). */
export const DivisionCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{6}|\d{9}|\d{12})$/, '行政区划代码应为6、9或12位数字 / division code must be 6, 9 or 12 digits');

export const OrgNameSchema = z.string().trim().min(1).max(100);

export const OrgSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  type: OrgTypeSchema,
  divisionCode: z.string().nullable(),
  status: OrgStatusSchema,
  path: z.string(),
  depth: z.number().int(),
  provinceCode: z.string(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof OrgSchema>;

export const CreateOrgSchema = z.object({
  parentId: z.number().int().positive(),
  name: OrgNameSchema,
  type: OrgTypeSchema,
  divisionCode: DivisionCodeSchema.nullish(),
});
export type CreateOrg = z.infer<typeof CreateOrgSchema>;

export const UpdateOrgSchema = z
  .object({
    name: OrgNameSchema.optional(),
    type: OrgTypeSchema.optional(),
    divisionCode: DivisionCodeSchema.nullish(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容 / nothing to change' });
export type UpdateOrg = z.infer<typeof UpdateOrgSchema>;

export const MoveOrgSchema = z.object({ newParentId: z.number().int().positive() });

export const OrgListQuerySchema = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  type: OrgTypeSchema.optional(),
  status: OrgStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OrgListQuery = z.infer<typeof OrgListQuerySchema>;

export const OrgImportRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export const OrgImportResultSchema = z.object({
  created: z.number().int(),
  errors: z.array(OrgImportRowErrorSchema),
});
export type OrgImportResult = z.infer<typeof OrgImportResultSchema>;
