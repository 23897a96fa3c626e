import { z } from 'zod';
import { RoleSchema } from './roles.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{3,64}$/;
export const UsernameSchema = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, '用户名为3-64位字母、数字或 _ . @ - / username: 3-64 letters, digits or _ . @ -');

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems, passwordResidual } from './password-policy.js';

import { PASSWORD_MAX_LENGTH } from './password-policy.js';

export const LoginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const MeSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgPath: z.string(),
  roles: z.array(RoleSchema),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  idleTimeoutMinutes: z.number().int(),
  /** Sign-in answer only: the end of a lock after failed attempts the user has not been told about yet. */
  lockoutNotice: z.string().nullable().optional(),
});
export type Me = z.infer<typeof MeSchema>;
