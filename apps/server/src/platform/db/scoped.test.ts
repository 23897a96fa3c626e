import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test-support' ? [] : files(p);
    return /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [p] : [];
  });
}

describe('scoping is enforced in the repository layer', () => {
  it('no module reads a tenant table except through ScopedDb or a named systemSelect', () => {
    // Every table scoped.ts knows a path column for is a tenant table (plus org_node).
    const scoped = fs.readFileSync(path.join(src, 'platform', 'db', 'scoped.ts'), 'utf8');
    const tables = [...scoped.matchAll(/^\s+(\w+): '(?:path|org_path)',$/gm)].map((m) => m[1]);
    expect(tables).toEqual(expect.arrayContaining(['org_node', 'household', 'ledger_account', 'assistance_grant']));
    const offenders: string[] = [];
    for (const f of files(src)) {
      if (f.endsWith(path.join('platform', 'db', 'scoped.ts'))) continue;
      const text = fs.readFileSync(f, 'utf8');
      const re = new RegExp(`([\\w)]+)\\s*\\.selectFrom\\(\\s*['"](${tables.join('|')})['"]`, 'g');
      // `eb.selectFrom` is a correlated subquery that only filters a scoped outer query.
      for (const m of text.matchAll(re))
        if (m[1] !== 'sdb' && m[1] !== 'tsdb' && m[1] !== 'eb') offenders.push(`${path.relative(src, f)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
