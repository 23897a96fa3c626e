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
  /** Worker self-service accounts: the worker's resident ID number, which links the account to their file. */
  idNumber: z.string().trim().min(15).max(20).nullish(),
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
