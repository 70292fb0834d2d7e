import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Runs `astro sync` (which validates every content entry against the schema) on a copy of the
 * site with one extra chapter, and returns its exit code and output.
 */
function syncWithChapter(name: string, frontMatter: string): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'cnn-lineage-site-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts']) {
    cpSync(resolve(entry), join(root, entry), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'src/content/docs', name), `---\n${frontMatter}\n---\n\nBody text.\n`);
  const run = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'sync', '--root', root], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const valid =
  'title: Bad chapter\ndescription: A chapter used by the test to check front matter validation.\norder: 50';

describe('chapter front matter', () => {
  it('a valid chapter passes astro sync', () => {
    expect(syncWithChapter('valid-chapter.mdx', valid).status).toBe(0);
  });

  it('an unknown paper key fails the build, naming the file and the field', () => {
    const { status, output } = syncWithChapter('bad-paper.mdx', `${valid}\npapers: [he2016, nosuchpaper1999]`);
    expect(status).not.toBe(0);
    expect(output).toContain('bad-paper');
    expect(output).toMatch(/papers\.1: unknown paper/);
  });

  it('a non-numeric year fails the build, naming the file and the field', () => {
    const { status, output } = syncWithChapter('bad-year.mdx', `${valid}\nyear: "long ago"`);
    expect(status).not.toBe(0);
    expect(output).toContain('bad-year');
    expect(output).toMatch(/year\W+year: Expected type `"number"`/);
  });

  it('a missing description fails the build, naming the file and the field', () => {
    const { status, output } = syncWithChapter('no-description.mdx', 'title: No description\norder: 51');
    expect(status).not.toBe(0);
    expect(output).toContain('no-description');
    expect(output).toMatch(/description\W+description: /);
  });
});
