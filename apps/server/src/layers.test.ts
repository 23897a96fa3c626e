import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers, checked on the sources (like platform/db/scoped.test.ts): `platform/` is generic plumbing that
 * knows no business capability, the composition root (app.ts, first-start.ts, serve.ts, main.ts, cli/) wires the
 * modules to it, and SQL lives only in repositories.
 */
const src = import.meta.dirname;
const rel = (f: string) => path.relative(src, f).split(path.sep).join('/');

function files(dir: string, keep: (name: string) => boolean = () => true): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p, keep);
    return /\.(ts|mjs)$/.test(d.name) && keep(d.name) ? [p] : [];
  });
}

/** Relative specifiers of static imports, re-exports and dynamic imports. */
function importsOf(text: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...text.matchAll(re)].map((m) => m[1] as string);
}

describe('platform knows no business capability', () => {
  it('no file under platform/ (tests included) imports a module or the composition root', () => {
    const offenders: string[] = [];
    let seen = 0;
    for (const f of files(path.join(src, 'platform'))) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
        seen++;
        const target = rel(path.resolve(path.dirname(f), spec));
        // Allowed: platform itself, the migrations it runs, and the test support its integration tests use.
        if (/^(platform|db|test-support)\//.test(target)) continue;
        offenders.push(`${rel(f)} imports ${spec}`);
      }
    }
    expect(seen).toBeGreaterThan(100); // the scan reads the imports at all
    expect(offenders).toEqual([]);
  });
});

/**
 * SQL is written only in repositories. Outside them: the migrations, the platform's own database and audit
 * infrastructure (platform/db: connect, migrate, scoped, locks; platform/audit: the audit log's repository),
 * the test support and the tests themselves (they seed and inspect the database directly).
 */
const SQL_HOMES = [
  /\.repository\.ts$/,
  /^db\/migrations\//,
  /^platform\/(db|audit)\//,
  /^test-support\//,
  /\.test\.ts$/,
];

/**
 * Known SQL outside a repository, left to their owners. Each entry must say why; remove it once the file is clean.
 * - The money core (funds, disbursement, assistance) is being re-cut into `grants` and `approvals` (issue 10,
 *   items 1–2, branch h/moneycore), which moves these statements into those modules' repositories.
 */
const SQL_ALLOWED: Record<string, string> = {
  'modules/funds/ledger.ts': 'money core re-cut (issue 10): ledger posting moves into the grants repository',
  'modules/disbursement/approval-target.ts': 'money core re-cut (issue 10): routing moves into approvals',
};

/** Kysely statements and raw SQL: query builders, CTEs, the sql tag, and the scoping helper's system reads. */
const SQL_PATTERNS = [
  /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|withRecursive)\(/,
  /\.with\(\s*['"]/, // a CTE (ScopedDb's `.with(trx)` takes a transaction, not a name)
  /\bsql(<[^>]*>)?`/,
  /\bsql\.(raw|ref|lit|id|table|join|val)\(/,
  /\bsystemSelect\(/,
];

/** The source without comments (a comment may name `sql` or selectFrom), keeping line numbers. */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');

describe('SQL only in repositories', () => {
  it('no service, route, read model, CLI command or composition file holds a statement', () => {
    const offenders: string[] = [];
    let scanned = 0;
    for (const f of files(src)) {
      const name = rel(f);
      if (SQL_HOMES.some((re) => re.test(name)) || name in SQL_ALLOWED) continue;
      scanned++;
      withoutComments(fs.readFileSync(f, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (SQL_PATTERNS.some((re) => re.test(line))) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(scanned).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it('the scan recognises a statement', () => {
    const hit = (code: string) =>
      withoutComments(code)
        .split('\n')
        .some((l) => SQL_PATTERNS.some((re) => re.test(l)));
    expect(hit("await ctx.db\n  .selectFrom('household')")).toBe(true);
    expect(hit('await sql`select 1`.execute(db);')).toBe(true);
    expect(hit("systemSelect(db, 'app_user', 'cli')")).toBe(true);
    expect(hit("db.with('p', (q) => q)")).toBe(true);
    expect(hit('const tsdb = sdb.with(trx);')).toBe(false);
    expect(hit('/** reads through `sql` and selectFrom( */\nconst x = 1;')).toBe(false);
  });
});
