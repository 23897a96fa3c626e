#!/usr/bin/env node
// `npm test`: every test. Typecheck, lint, build the web app, then Vitest's unit, integration (SQLite and
// PostgreSQL) and end-to-end (Chromium) projects, then the short crash trials and load run (bench/chaos.ts,
// bench/load.ts). Ends with one line "tests: N passed, N failed, N skipped".
// With CI=true a skipped test is a failure: PostgreSQL and end-to-end tests must really run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true';
const step = (name, cmd, args) => {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  console.log(`${r.status === 0 ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
};

let ok =
  step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']) &&
  step('typecheck web', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json']);
ok = step('lint (biome)', 'npx', ['biome', 'check', '.']) && ok;
ok = step('permission matrix doc', process.execPath, ['scripts/permissions-doc.mjs', '--check']) && ok;
ok = step('build web', 'npm', ['run', 'build', '-w', '@bangfu/web']) && ok;

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-vitest-')), 'report.json');
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
ok = step('vitest: unit, integration (SQLite + PostgreSQL), e2e (Chromium)', 'npx', args) && ok;

// Crash trials and sustained load, short versions (bench/chaos.ts, bench/load.ts): the real server killed with
// SIGKILL during imports, batch computes, payments and campaign decisions on SQLite and PostgreSQL, then one
// minute of 50 simulated staff on PostgreSQL. BANGFU_SKIP_CHAOS=1 leaves them out (never in CI).
if (process.env.BANGFU_SKIP_CHAOS === '1' && !ci) console.log('\n(chaos and load trials skipped: BANGFU_SKIP_CHAOS=1)');
else {
  ok = step('chaos: crash trials, short (SQLite + PostgreSQL)', 'npm', ['run', 'chaos', '--', '--short']) && ok;
  ok = step('load: 50 staff for 1 minute (PostgreSQL)', 'npm', ['run', 'load', '--', '--minutes', '1']) && ok;
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = r.numPendingTests + r.numTodoTests;
  const failedFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  failed += failedFiles.length;
  if (passed + failed === 0) ok = false;
} else ok = false;
if (ci && skipped > 0) {
  console.error(`\n✘ ${skipped} test(s) were skipped: with CI=true PostgreSQL and end-to-end tests must run`);
  ok = false;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
