#!/usr/bin/env node
// `npm start`: build the web app if it is missing or stale, then serve web + API (default http://localhost:3000)
// on the embedded SQLite database in ./data/. `npm run demo` (--demo): a fresh demo database with sample data.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');
const bangfu = path.join(root, 'apps/server/bin/bangfu.mjs');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const web = path.join(root, 'apps/web');
const built = path.join(web, 'dist/index.html');
const stale =
  !fs.existsSync(built) ||
  Math.max(newest(path.join(web, 'src')), fs.statSync(path.join(web, 'index.html')).mtimeMs) >
    fs.statSync(built).mtimeMs;
if (stale) {
  console.log('building the web app (vite)…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@bangfu/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = { ...process.env };
if (demo) {
  // The demo password (also in README and apps/server/src/cli/demo.ts).
  env.DATABASE_URL ??= './data/demo.sqlite';
  env.BANGFU_ADMIN_PASSWORD ??= 'Bangfu-demo-2026';
  const file = path.resolve(root, env.DATABASE_URL);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const r = spawnSync(process.execPath, [bangfu, 'demo'], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, [bangfu, 'serve'], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
