import { z } from 'zod';
import { UsernameSchema } from './auth.js';
import { RoleSchema } from './roles.js';

export const userStatuses = ['active', 'disabled'] as const;
export const UserStatusSchema = z.enum(userStatuses);

export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号码应为11位数字 / phone must be 11 digits starting with 1');

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  roles: z.array(RoleSchema),
  status: UserStatusSchema,
  /** Masked in lists (138****5678); full only on the audited detail read. */
  phone: z.string().nullable(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(50),
  orgId: z.number().int().positive(),
  roles: z.array(RoleSchema).min(1).max(10),
  phone: PhoneSchema.nullish(),
  /** Initial password; the user must change it at first sign-in. */
  password: z.string().min(1).max(128),
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(50).optional(),
    orgId: z.number().int().positive().optional(),
    roles: z.array(RoleSchema).min(1).max(10).optional(),
    phone: PhoneSchema.nullish(),
    status: UserStatusSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容 / nothing to change' });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.object({ newPassword: z.string().min(1).max(128) });

export const UserListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(64).optional(),
  role: RoleSchema.optional(),
  status: UserStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

/**
 * A worker account opened from the file itself by the union that holds it (POST /households/:id/worker-account):
 * the one path, besides a binding code, that links an account to a file.
 */
export const CreateWorkerAccountSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(50).optional(),
  phone: PhoneSchema.nullish(),
  password: z.string().min(1).max(128),
});
export type CreateWorkerAccount = z.infer<typeof CreateWorkerAccountSchema>;

/** A one-time binding code for a file (shown once; only its hash is kept). */
export const BindCodeSchema = z.object({ code: z.string(), expiresAt: z.string(), fileNo: z.string() });
export type BindCode = z.infer<typeof BindCodeSchema>;

/** The worker links their account: the code their union gave them and their own ID number. */
export const SelfBindSchema = z.object({
  code: z.string().trim().min(6).max(32),
  idNumber: z.string().trim().min(15).max(20),
});
export type SelfBind = z.infer<typeof SelfBindSchema>;
