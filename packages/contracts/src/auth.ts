import { z } from 'zod';
import { RoleSchema } from './roles.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{3,64}$/;
export const UsernameSchema = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, '用户名为3-64位字母、数字或 _ . @ - / username: 3-64 letters, digits or _ . @ -');

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The password policy, shared by server and web: ≥ 8 characters, letters and digits, not containing the username. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/[A-Za-z]/.test(password)) problems.push('no_letter');
  if (!/\d/.test(password)) problems.push('no_digit');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('contains_username');
  return problems;
}

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
});
export type Me = z.infer<typeof MeSchema>;
