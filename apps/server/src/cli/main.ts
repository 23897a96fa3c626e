import fs from 'node:fs';
import { roles as allRoles, type Role } from '@bangfu/contracts';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { backfillMemberIndexes, listClashes } from '../modules/archive/archive.clashes.js';
import { commitImport, getImport, importRows, stageImport } from '../modules/archive/archive.import.js';
import { auditKey, checkCheckpoint, makeCheckpoint } from '../modules/audit/audit.checkpoint.js';
import { verifyAudit } from '../modules/audit/audit.service.js';
import { importOrgs } from '../modules/orgs/orgs.import.js';
import * as orgRepo from '../modules/orgs/orgs.repository.js';
import * as userRepo from '../modules/users/users.repository.js';
import { createUser, resetPassword } from '../modules/users/users.service.js';
import { generatePassword } from '../platform/auth/passwords.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { AppError } from '../platform/errors.js';
import { serve } from '../serve.js';
import { backup, restore } from './backup.js';
import { reportError, withContext } from './context.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

function progressBar() {
  return new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% {value}/{total}', noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
}

const program = new Command('bangfu').description('Bangfu 帮扶 — command line').showHelpAfterError();

program
  .command('serve')
  .description('start the web app and API (PORT, DATABASE_URL, ...)')
  .action(async () => {
    await serve(loadConfig());
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const handle = openDatabase(loadConfig());
    const applied = await migrateToLatest(handle.db);
    await handle.close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  });

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create a staff account (initial password must be changed at first sign-in)')
  .requiredOption('-u, --username <username>')
  .requiredOption('-n, --name <displayName>')
  .requiredOption('-o, --org <orgId>', 'organisation node id', Number)
  .requiredOption('-r, --roles <roles>', `comma-separated: ${allRoles.join(', ')}`)
  .option('-p, --password <password>', 'initial password (generated when omitted)')
  .option('--phone <phone>')
  .action(async (o) => {
    const roles = String(o.roles)
      .split(',')
      .map((r) => r.trim()) as Role[];
    const bad = roles.filter((r) => !allRoles.includes(r));
    if (bad.length) throw new Error(`unknown role(s): ${bad.join(', ')}`);
    const password = o.password ?? generatePassword();
    await withContext(async (ctx, actor) => {
      const u = await createUser(ctx, actor, {
        username: o.username,
        displayName: o.name,
        orgId: o.org,
        roles,
        password,
        phone: o.phone ?? null,
      });
      console.log(`created user ${u.username} (#${u.id}) at ${u.orgName} with roles ${u.roles.join(', ')}`);
      if (!o.password) console.log(`initial password: ${password}`);
    });
  });
user
  .command('reset-password <username>')
  .description('set a new initial password; unlocks the account and ends its sessions')
  .option('-p, --password <password>', 'new password (generated when omitted)')
  .action(async (username: string, o) => {
    const password = o.password ?? generatePassword();
    await withContext(async (ctx, actor) => {
      const id = await userRepo.idOfUsername(ctx.db, username);
      if (id === undefined) throw new AppError('USER_NOT_FOUND', { username });
      await resetPassword(ctx, actor, id, password);
      console.log(`password of ${username} reset; it must be changed at next sign-in`);
      if (!o.password) console.log(`new password: ${password}`);
    });
  });

program
  .command('org')
  .description('organisation tree')
  .command('import <file>')
  .description('import a tree from .xlsx or .csv (columns 单位名称, 类型, 行政区划代码, 上级单位)')
  .option('--parent <orgId>', 'node to import under (default: the root)', Number)
  .option('--dry-run', 'validate only')
  .action(async (file: string, o) => {
    await withContext(async (ctx, actor) => {
      const started = Date.now();
      const r = await importOrgs(ctx, actor, {
        buffer: fs.readFileSync(file),
        filename: file,
        parentId: o.parent,
        dryRun: !!o.dryRun,
      });
      console.log(
        `${o.dryRun ? 'valid, would create' : 'created'} ${r.created} organisations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    });
  });

const archive = program.command('archive').description('the household archive');
archive
  .command('clashes')
  .description('一人一档: persons in more than one active file (fills missing member blind indexes first)')
  .action(async () => {
    await withContext(async (ctx, actor) => {
      const filled = await backfillMemberIndexes(ctx, actor);
      if (filled) console.log(`filled ${filled} missing member blind indexes`);
      const clashes = await listClashes(ctx, actor);
      for (const c of clashes) {
        console.log(`${c.idMasked ?? '(no ID)'}:`);
        for (const f of c.files)
          console.log(`  ${f.fileNo}  ${f.org}  ${f.as === 'worker' ? '职工' : '家庭成员'}  ${f.status}`);
      }
      console.log(`${clashes.length} persons in more than one active file`);
    });
  });
archive
  .command('import <file>')
  .description('stage an archive import (.xlsx in the template layout), show the report, optionally commit')
  .requiredOption('--org <orgId>', 'organisation the files belong to', Number)
  .option('--commit', 'commit the valid rows after validation')
  .option('--as-filed', 'migrating an existing archive: files enter as 在档 (needs 困难类别)')
  .action(async (file: string, o) => {
    await withContext(async (ctx, actor) => {
      const bar = progressBar();
      bar.start(1, 0, { phase: '校验 validate' });
      const { id } = await stageImport(
        ctx,
        actor,
        { buffer: fs.readFileSync(file), filename: file, orgId: o.org },
        {
          wait: true,
          onProgress: (done, total) => {
            bar.setTotal(total);
            bar.update(done);
          },
        },
      );
      bar.stop();
      const b = await getImport(ctx, actor, id);
      console.log(
        `batch ${id}: ${b.total} rows, ${b.valid} valid, ${b.invalid} invalid, ${b.suspected} suspected duplicates`,
      );
      const bad = await importRows(ctx, actor, id, { status: 'invalid', limit: 50, offset: 0 });
      for (const r of bad.items)
        console.log(`  第${r.row}行 ${r.name ?? ''}: ${r.problems.map((p) => `${p.column}：${p.problem}`).join('；')}`);
      if (bad.total > bad.items.length) console.log(`  … ${bad.total - bad.items.length} more`);
      if (!o.commit) return;
      const cbar = progressBar();
      cbar.start(b.valid, 0, { phase: '导入 commit' });
      await commitImport(ctx, actor, id, { asFiled: !!o.asFiled, wait: true, onProgress: (done) => cbar.update(done) });
      cbar.stop();
      console.log(`committed ${(await getImport(ctx, actor, id)).committed} files`);
    });
  });

const audit = program.command('audit').description('audit trail');
audit
  .command('verify')
  .description('verify every hash chain; exits 1 when an entry was altered, inserted or deleted')
  .option('--expect <file>', 'also check against a signed checkpoint (`bangfu audit checkpoint`): truncation, rewrites')
  .action(async (o: { expect?: string }) => {
    const config = loadConfig();
    const key = o.expect ? auditKey(config) : undefined;
    const checkpoint = o.expect ? (JSON.parse(fs.readFileSync(o.expect, 'utf8')) as unknown) : undefined;
    const { result, expected } = await withContext(async (ctx) => ({
      result: await verifyAudit(ctx.db),
      expected: key ? await checkCheckpoint(ctx.db, checkpoint, key) : undefined,
    }));
    for (const c of result.chains) {
      console.log(
        `chain ${c.chain}: ${c.entries} entries, head ${c.headHash?.slice(0, 16) ?? '-'}… ${c.problems.length ? 'BROKEN' : 'ok'}`,
      );
      for (const p of c.problems) console.log(`  seq ${p.seq ?? '-'}: ${p.problem}`);
    }
    if (expected) {
      for (const p of expected.problems) console.log(`checkpoint: ${p.chain ? `chain ${p.chain}: ` : ''}${p.problem}`);
      if (expected.ok) console.log(`checkpoint ${o.expect}: every recorded head is still in place`);
    }
    const ok = result.ok && (expected?.ok ?? true);
    console.log(ok ? 'audit trail intact' : 'AUDIT TRAIL TAMPERED');
    if (!ok) process.exit(1);
  });
audit
  .command('checkpoint')
  .description('write every chain’s head (seq, hash, time) signed with BANGFU_AUDIT_KEY; keep it off the server')
  .option('--out <file>', 'write to this file (mode 0600) instead of standard output')
  .action(async (o: { out?: string }) => {
    const config = loadConfig();
    const key = auditKey(config);
    const cp = await withContext((ctx) => makeCheckpoint(ctx.db, key, ctx.clock.now()));
    const text = `${JSON.stringify(cp, null, 2)}\n`;
    if (!o.out) return void process.stdout.write(text);
    fs.writeFileSync(o.out, text, { mode: 0o600 });
    fs.chmodSync(o.out, 0o600);
    console.error(`checkpoint of ${cp.chains.length} chain(s) written to ${o.out}`);
  });

program
  .command('backup <file>')
  .description('back up the database (SQLite online backup API; PostgreSQL pg_dump)')
  .action(async (file: string) => {
    console.log(`backup written to ${await backup(loadConfig(), file)}`);
  });

program
  .command('restore <file>')
  .description('restore a backup (stop the server first)')
  .action(async (file: string) => {
    console.log(`restored into ${await restore(loadConfig(), file)}`);
  });

program
  .command('demo')
  .description('fill an empty database with the demo city, its unions and users of every role')
  .action(async () => {
    await withContext(async (ctx, actor) => {
      if (await orgRepo.anyBelowRoot(ctx.db))
        throw new Error('the database already holds organisations: demo data goes into a fresh database');
      const r = await seedDemo(ctx, actor);
      console.log(
        `demo data: ${r.orgs} organisations, ${r.users} users, ${r.files} household files, password ${DEMO_PASSWORD}`,
      );
    });
  });

program.parseAsync(process.argv).catch(reportError);
