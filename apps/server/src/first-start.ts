/**
 * First start, above the modules (it creates an organisation and an account): the root node of the tree and the
 * administrator `admin` at it. Called by the server, the CLI, the tests and the benchmarks after `openContext`.
 */
import * as orgs from './modules/orgs/orgs.repository.js';
import * as users from './modules/users/users.repository.js';
import { appendAudit } from './platform/audit/audit-log.js';
import { systemActor } from './platform/auth/actor.js';
import { generatePassword, hashPassword } from './platform/auth/passwords.js';
import type { AppContext } from './platform/context.js';
import { pinyinSortKey } from './platform/pinyin.js';

/**
 * First start: the root node of the tree and the administrator `admin` at it. The password comes from
 * BANGFU_ADMIN_PASSWORD, or is generated and printed once. Returns the generated password if any.
 */
export async function ensureRootAndAdmin(ctx: AppContext): Promise<{ generatedPassword?: string }> {
  let root = await orgs.findRoot(ctx.db);
  const now = ctx.clock.now().toISOString();
  if (!root) {
    root = await ctx.db.transaction().execute(async (trx) => {
      const r = await orgs.insert(trx, {
        parent_id: null,
        parentPath: null,
        name: ctx.config.root.name,
        type: ctx.config.root.type,
        division_code: null,
        status: 'active',
        province_code: '00',
        sort_key: pinyinSortKey(ctx.config.root.name),
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, ctx.clock, null, {
        action: 'org.create',
        entityType: 'org',
        entityId: r.id,
        orgPath: r.path,
        chain: r.province_code,
        after: { name: r.name, type: r.type, root: true },
      });
      return r;
    });
    ctx.log.info(`created the root organisation “${root.name}”`);
  }
  if ((await users.countUsers(ctx.db)) > 0) return {};
  const generated = ctx.config.adminPassword ? undefined : generatePassword();
  const password = ctx.config.adminPassword ?? (generated as string);
  const hash = await hashPassword(password);
  const scope = { orgId: root.id, path: root.path, provinceCode: root.province_code };
  await ctx.db.transaction().execute(async (trx) => {
    const id = await users.insert(
      trx,
      {
        username: 'admin',
        display_name: '系统管理员',
        org_id: root.id,
        org_path: root.path,
        province_code: root.province_code,
        kind: 'staff',
        status: 'active',
        phone: null,
        password_hash: hash,
        must_change_password: generated ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        last_login_at: null,
        created_at: now,
        updated_at: now,
        person_bidx: null,
      },
      ['admin'],
    );
    await appendAudit(trx, ctx.clock, systemActor(scope, 'bootstrap'), {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgPath: root.path,
      chain: root.province_code,
      after: { username: 'admin', roles: ['admin'], bootstrap: true },
    });
  });
  return { generatedPassword: generated };
}
