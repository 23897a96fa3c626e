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
