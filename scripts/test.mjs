/**
 * `npm test`: every check, in the order that fails fastest, stopping at the first failure.
 * A Chromium first (found, or installed from Debian's packages when running as root; otherwise a
 * one-line instruction and exit 1, before anything slow runs), then format and lint, types, unit tests (Node), the static build, the link check over dist/, the
 * zoo-number check (every model number on a page is `npm run zoo -- --json`'s, none typed by
 * hand), the browser tests (Chromium against `astro preview`, with the axe sweep and the JS budget),
 * and Lighthouse's scores on every chapter page: accessibility and SEO 100, mobile performance at
 * least 95 (median of three runs).
 */
import { spawnSync } from 'node:child_process';

const steps = [
  ['a Chromium for the browser tests', 'node', ['scripts/ensure-chromium.ts']],
  ['format and lint', 'npm', ['run', '--silent', 'lint']],
  ['types (astro check)', 'npm', ['run', '--silent', 'check']],
  ['unit tests (Vitest, Node)', 'npm', ['run', '--silent', 'test:unit']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['internal links and anchors', 'npm', ['run', '--silent', 'test:links']],
  ['model numbers match the zoo', 'npm', ['run', '--silent', 'test:zoo-numbers']],
  ['browser tests (Playwright, Chromium)', 'npm', ['run', '--silent', 'test:browser']],
  [
    'Lighthouse: accessibility and SEO 100, performance ≥ 95 on every chapter',
    'npm',
    ['run', '--silent', 'test:lighthouse'],
  ],
];

const results = [];
for (const [name, command, args] of steps) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (run.status !== 0) {
    console.error(
      `\n${results.join('\n')}\n\nnpm test: "${name}" failed.\nsteps: ${results.length - 1} passed, 1 failed`,
    );
    process.exit(run.status ?? 1);
  }
}
console.log(`\n${results.join('\n')}\n\nsteps: ${steps.length} passed, 0 failed`);
