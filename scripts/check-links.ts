/** `node scripts/check-links.ts [dist]`: fails (exit 1) listing every broken internal link or anchor. */
import { checkLinks, formatBrokenLinks, htmlFiles } from './checks/links.ts';

const dir = process.argv[2] ?? 'dist';
const broken = checkLinks(dir);
if (broken.length > 0) {
  console.error(`${broken.length} broken internal link(s) in ${dir}:\n${formatBrokenLinks(broken)}`);
  process.exit(1);
}
console.log(`links: ${htmlFiles(dir).length} pages checked, 0 broken internal links or anchors`);
