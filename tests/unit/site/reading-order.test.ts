import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingOrder, sidebarItems } from '../../../src/lib/content/reading-order.ts';

function docsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-lineage-docs-'));
  for (const [name, order] of Object.entries(files)) {
    writeFileSync(join(dir, name), `---\ntitle: ${name}\n${order}\n---\n\nBody.\n`);
  }
  return dir;
}

describe('readingOrder', () => {
  it('sorts chapters by their order field and maps index to the home page', () => {
    const dir = docsDir({ 'vgg.mdx': 'order: 3', 'index.mdx': 'order: 0', 'lenet5.mdx': 'order: 1', '404.md': '' });
    expect(readingOrder(dir).map((c) => c.slug)).toEqual(['', 'lenet5', 'vgg']);
    expect(sidebarItems(dir)).toEqual([
      { label: 'Overview', translations: { 'zh-CN': '概览' }, link: '/' },
      { slug: 'lenet5' },
      { slug: 'vgg' },
    ]);
  });

  it('rejects a chapter without an order, naming the file', () => {
    const dir = docsDir({ 'vgg.mdx': 'year: 2014' });
    expect(() => readingOrder(dir)).toThrow(/vgg\.mdx: front matter needs "order: <number>"/);
  });

  it('rejects two chapters with the same order', () => {
    const dir = docsDir({ 'a.mdx': 'order: 2', 'b.mdx': 'order: 2' });
    expect(() => readingOrder(dir)).toThrow(/share "order: 2"/);
  });

  it('the real chapters have a unique order each, starting with the overview', () => {
    const chapters = readingOrder('src/content/docs');
    expect(chapters[0]?.slug).toBe('');
    expect(chapters.map((c) => c.slug)).toEqual([
      '',
      'lenet5',
      'alexnet',
      'vgg',
      'inception',
      'receptive-fields',
      'vanishing-gradients',
      'batch-norm',
      'resnet',
      'skip-connections',
      'after-resnet',
      'your-network',
      'embedding',
      'conv-arithmetic',
      'references',
      'diagnostics',
    ]);
  });
});
