import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actions } from '@bangfu/contracts';
import { describe, expect, it } from 'vitest';
import { actionsOf, routePermissions } from './route-permissions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

describe('the route-permission table', () => {
  it('names only actions of the matrix, and every key is METHOD /api/path', () => {
    for (const [key, p] of Object.entries(routePermissions)) {
      expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\//);
      for (const a of actionsOf(p.needs)) expect(actions).toContain(a);
    }
  });

  it('docs/PERMISSIONS.md is generated from the matrix and this table (node scripts/permissions-doc.mjs)', () => {
    const r = spawnSync(process.execPath, ['scripts/permissions-doc.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr + r.stdout).toContain('matches');
    expect(r.status).toBe(0);
  }, 30_000);
});
