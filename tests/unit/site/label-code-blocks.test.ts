import { describe, expect, it } from 'vitest';
import { labelCodeBlocks } from '../../../src/lib/markdown/label-code-blocks.ts';

const block = (title: string | null, lang: string): string =>
  `<figure class="frame${title ? ' has-title' : ''} not-content">` +
  (title ? `<figcaption class="header"><span class="title">${title}</span></figcaption>` : '') +
  `<pre data-language="${lang}"><code>x</code></pre></figure>`;

describe('labelCodeBlocks', () => {
  it('names titled blocks by their title and untitled ones by number and language', () => {
    const html = labelCodeBlocks(block('Web "component"', 'html') + block(null, 'sh') + block(null, 'ts'));
    expect(html).toContain('<pre data-language="html" aria-label="Code: Web &quot;component&quot;">');
    expect(html).toContain('<pre data-language="sh" aria-label="Code example 1 (sh)">');
    expect(html).toContain('<pre data-language="ts" aria-label="Code example 2 (ts)">');
  });

  it('leaves a page without code blocks, and labels already there, unchanged', () => {
    expect(labelCodeBlocks('<p>text</p>')).toBe('<p>text</p>');
    const once = labelCodeBlocks(block('A', 'html'));
    expect(labelCodeBlocks(once)).toBe(once);
  });
});
