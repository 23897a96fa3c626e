#!/usr/bin/env node
// Generates docs/PERMISSIONS.md from the permission matrix in packages/contracts (role × action).
// --check fails when the committed document is out of date.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const code = `
import { actions, actionLabels, permissionMatrix, roles, roleLabels } from './packages/contracts/src/roles.ts';
import { routePermissions } from './apps/server/src/platform/http/route-permissions.ts';
const head = '| 操作 / action | ' + roles.map((r) => roleLabels[r].zh + '<br>' + r).join(' | ') + ' |';
const sep = '| --- | ' + roles.map(() => ':-:').join(' | ') + ' |';
const rows = actions.map((a) => '| ' + actionLabels[a].zh + '<br>\`' + a + '\` | ' + roles.map((r) => (permissionMatrix[r].includes(a) ? '✔' : '')).join(' | ') + ' |');
const needText = (n) => typeof n === 'string' ? n : 'allOf' in n ? n.allOf.join(' + ') : n.anyOf.join(' or ');
const groups = new Map();
for (const [route, p] of Object.entries(routePermissions)) {
  const k = needText(p.needs);
  if (!groups.has(k)) groups.set(k, []);
  const notes = [p.rootOnly ? 'root only' : '', p.inherited ? "a parent's row reachable from below" : '', p.readOnly ? 'writes nothing' : '', p.gap ? 'KNOWN GAP: ' + p.gap.why + ' (' + p.gap.roles.join(', ') + ')' : ''].filter(Boolean);
  groups.get(k).push('\`' + route + '\`' + (notes.length ? ' — ' + notes.join('; ') : ''));
}
const order = ['public', 'authenticated', ...actions];
const keys = [...groups.keys()].sort((a, b) => {
  const ia = order.indexOf(a.split(' ')[0]);
  const ib = order.indexOf(b.split(' ')[0]);
  return ia - ib || a.localeCompare(b);
});
const routeLines = keys.flatMap((k) => ['', '### ' + k, '', ...groups.get(k).map((r) => '- ' + r)]);
process.stdout.write([
  '# Permission matrix (权限矩阵)',
  '',
  'Generated from \`packages/contracts/src/roles.ts\` by \`node scripts/permissions-doc.mjs\`; do not edit by hand.',
  'The server checks these actions in the service layer (\`require(actor, action)\`); every read and write is',
  'additionally bounded to the caller\\'s subtree of the organisation tree (docs/ARCHITECTURE.md, "Scoping").',
  '',
  head, sep, ...rows, '',
  '## Routes per action (路由与权限)',
  '',
  'From \`apps/server/src/platform/http/route-permissions.ts\`, the one table every route must be in;',
  '\`route-permissions.int.test.ts\` calls every registered route as every role at its node, a child, a sibling and',
  'the parent and checks the answers against it (403 without the action, 404 outside the subtree).',
  ...routeLines, '',
].join('\\n'));
`;
const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
  cwd: root,
  encoding: 'utf8',
});
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const file = path.join(root, 'docs/PERMISSIONS.md');
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== r.stdout) {
    console.error('docs/PERMISSIONS.md is out of date: run node scripts/permissions-doc.mjs');
    process.exit(1);
  }
  console.log('docs/PERMISSIONS.md matches the matrix');
} else {
  fs.writeFileSync(file, r.stdout);
  console.log(`wrote ${file}`);
}
