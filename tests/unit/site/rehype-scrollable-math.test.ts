import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeScrollableMath } from '../../../src/lib/markdown/rehype-scrollable-math.ts';

const span = (className: string[], children: Element[] = []): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className },
  children,
});

describe('rehypeScrollableMath', () => {
  it('makes display equations keyboard-focusable and leaves inline maths alone', () => {
    const display = span(['katex-display'], [span(['katex'])]);
    const inline = span(['katex']);
    const tree: Root = { type: 'root', children: [display, inline] };
    const transform = rehypeScrollableMath.call({} as never) as (tree: Root) => void;
    transform(tree);
    expect(display.properties['tabIndex']).toBe(0);
    expect(inline.properties['tabIndex']).toBeUndefined();
    expect((display.children[0] as Element).properties['tabIndex']).toBeUndefined();
  });
});
