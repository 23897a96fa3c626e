#!/usr/bin/env node
// `npm run test:e2e [files…]`: build the web app, then the end-to-end walks in Debian's Chromium
// (Vitest project e2e). Arguments pass to Vitest, e.g. `npm run test:e2e -- e2e/archive.e2e.ts`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const built = run('npm', ['run', 'build', '-w', '@bangfu/web']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)]));
