#!/usr/bin/env node
// Runs every test: vitest (shared, server on PostgreSQL, web) and the Playwright end-to-end
// suite in Chromium, then prints one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.tmp');
fs.mkdirSync(out, { recursive: true });
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
const only = process.argv[2]; // optional: "unit" or "e2e"

if (!only || only === 'unit') {
  const json = path.join(out, 'vitest.json');
  fs.rmSync(json, { force: true });
  const code = run(path.join(root, 'node_modules/.bin/vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  if (fs.existsSync(json)) {
    const r = JSON.parse(fs.readFileSync(json, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // a file that failed to load counts as a failure too
    failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } else if (code !== 0) failed += 1;
}

if (!only || only === 'e2e') {
  const build = run('npm', ['run', 'build', '-w', 'apps/web']);
  if (build !== 0) failed += 1;
  else {
    const json = path.join(out, 'playwright.json');
    fs.rmSync(json, { force: true });
    const code = run(path.join(root, 'node_modules/.bin/playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: json,
    });
    if (fs.existsSync(json)) {
      const s = JSON.parse(fs.readFileSync(json, 'utf8')).stats;
      passed += s.expected;
      failed += s.unexpected + s.flaky + (s.skipped ?? 0);
    } else if (code !== 0) failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
