/**
 * `node scripts/check-zoo-numbers.ts [dist] [src/content/docs]`: fails (exit 1) listing every
 * model number on a built page that is not the one `npm run zoo -- --json` reports, and every
 * model number typed by hand into a chapter's MDX (see scripts/checks/zoo-numbers.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  checkZooSpans,
  formatHandTyped,
  formatMismatches,
  scanHandTypedNumbers,
  type ZooRecord,
} from './checks/zoo-numbers.ts';

const dir = process.argv[2] ?? 'dist';
const docs = process.argv[3] ?? 'src/content/docs';

if (!existsSync(dir)) {
  console.error(`zoo numbers: no ${dir}/ to check; run npm run build first`);
  process.exit(1);
}

// The zoo's own report, run once, as a reader would run it: the numbers to match.
const zoo = spawnSync(process.execPath, ['scripts/zoo.ts', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
if (zoo.status !== 0) {
  console.error(`zoo numbers: node scripts/zoo.ts --json failed (exit ${zoo.status}):\n${zoo.stderr}`);
  process.exit(1);
}
const records = JSON.parse(zoo.stdout) as ZooRecord[];

const site = checkZooSpans(dir, records);
const typed = scanHandTypedNumbers(docs);

if (site.mismatches.length > 0) {
  console.error(
    `${site.mismatches.length} model number(s) in ${dir} differ from npm run zoo -- --json:\n${formatMismatches(site.mismatches)}`,
  );
}
if (typed.found.length > 0) {
  console.error(
    `${typed.found.length} model number(s) typed by hand in ${docs}: render them with <Zoo model stat [layer] />, ` +
      `or, for a figure quoted from a paper, add {/* zoo-ok: reason */} on the same line ` +
      `(in the front matter: # zoo-ok: reason):\n${formatHandTyped(typed.found)}`,
  );
}
if (site.mismatches.length > 0 || typed.found.length > 0) process.exit(1);
console.log(
  `zoo numbers: ${site.spans} numbers on ${site.pages} pages match npm run zoo -- --json; ` +
    `${typed.files} chapter sources have no hand-typed model numbers`,
);
