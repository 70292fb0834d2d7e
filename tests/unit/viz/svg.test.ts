import { describe, expect, it } from 'vitest';
import { attrs, el, escapeXml, num, textEl, textWidth } from '../../../src/lib/viz/svg.ts';

describe('svg string helpers', () => {
  it('escapeXml escapes markup and quotes', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });

  it('text and attribute values are escaped, so a hostile label cannot add elements', () => {
    const svg = textEl('text', { 'data-x': '"><script>' }, '</text><script>alert(1)</script>');
    expect(svg).not.toContain('<script');
    expect(svg).toBe(
      '<text data-x="&quot;&gt;&lt;script&gt;">&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>',
    );
  });

  it('attrs rounds numbers to 0.01 px and leaves out undefined, null and false', () => {
    expect(attrs({ x: 1.23456, y: -0.001, a: undefined, b: null, c: false, d: true })).toBe(' x="1.23" y="0" d');
    expect(num(-0)).toBe('0');
    expect(el('g', { class: 'a' })).toBe('<g class="a"/>');
    expect(el('g', {}, '<rect/>')).toBe('<g><rect/></g>');
  });

  it('textWidth grows with the text and the font size', () => {
    expect(textWidth('conv3-256', 12)).toBeGreaterThan(textWidth('conv3-64', 12));
    expect(textWidth('conv3-256', 12)).toBeCloseTo(2 * textWidth('conv3-256', 6));
  });
});
