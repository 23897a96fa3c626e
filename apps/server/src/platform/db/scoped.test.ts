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
    const offenders: string[] = [];
    for (const f of files(src)) {
      if (f.endsWith(path.join('platform', 'db', 'scoped.ts'))) continue;
      const text = fs.readFileSync(f, 'utf8');
      const re =
        /([\w)]+)\s*\.selectFrom\(\s*['"](org_node|app_user|audit_log|household\w*|archive_import\w*|eligibility_policy)['"]/g;
      for (const m of text.matchAll(re))
        if (m[1] !== 'sdb' && m[1] !== 'tsdb') offenders.push(`${path.relative(src, f)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
