import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultState, defineSchema, mergeState, parseState, serializeState } from '../../../src/lib/state/schema.ts';
import { parseEmbedOptions } from '../../../src/lib/state/embed-options.ts';
import { escapeHtml, iframeSnippet } from '../../../src/lib/state/snippet.ts';
import { checkSchemaProperties } from './schema-properties.ts';

const example = defineSchema({
  depth: { type: 'int', label: 'Depth', default: 20, min: 2, max: 110 },
  lr: { type: 'number', label: 'Learning rate', default: 0.1, min: 0.0001, max: 1 },
  activation: { type: 'enum', label: 'Activation', default: 'relu', values: ['relu', 'tanh', 'sigmoid'] },
  skip: { type: 'boolean', label: 'Skip connections', default: true },
});

describe('URL state schema', () => {
  it('an empty query gives the defaults and no notices', () => {
    expect(parseState(example, '')).toEqual({ state: defaultState(example), notices: [] });
  });

  it('reads valid values of every type', () => {
    const { state, notices } = parseState(example, '?depth=56&lr=0.01&activation=tanh&skip=0');
    expect(state).toEqual({ depth: 56, lr: 0.01, activation: 'tanh', skip: false });
    expect(notices).toEqual([]);
  });

  it('falls back to the default with a notice naming the parameter', () => {
    const { state, notices } = parseState(example, 'depth=abc&activation=<script>alert(1)</script>');
    expect(state.depth).toBe(20);
    expect(state.activation).toBe('relu');
    expect(notices).toEqual([
      'Ignored depth="abc": expected a whole number from 2 to 110; using 20.',
      'Ignored activation="<script>alert(1)</script>": expected one of relu, tanh, sigmoid; using relu.',
    ]);
  });

  it('clamps numbers out of range and says so', () => {
    const { state, notices } = parseState(example, 'depth=1e9&lr=-3');
    expect(state).toMatchObject({ depth: 110, lr: 0.0001 });
    expect(notices[0]).toBe('Clamped depth="1e9" to 110: it must be a whole number from 2 to 110.');
  });

  it.each(['NaN', 'Infinity', '-Infinity', '0x10', '', ' ', '1,5', '3.5'])('rejects depth=%j', (raw) => {
    const { state, notices } = parseState(example, new URLSearchParams([['depth', raw]]));
    expect(state.depth).toBe(20);
    expect(notices).toHaveLength(1);
  });

  it('ignores unknown keys and takes the last of repeated keys with a notice', () => {
    const { state, notices } = parseState(example, 'foo=1&depth=8&depth=12');
    expect(state.depth).toBe(12);
    expect(notices).toEqual(['depth was given 2 times; used the last.']);
  });

  it('ignores a 10 KB value', () => {
    const { state, notices } = parseState(example, `activation=${'a'.repeat(10_000)}`);
    expect(state.activation).toBe('relu');
    expect(notices[0]).toMatch(/^Ignored activation="a{40}…"/);
  });

  it('serialises only values that differ from the defaults, with a prefix when asked', () => {
    expect(serializeState(example, defaultState(example))).toBe('');
    expect(serializeState(example, { ...defaultState(example), depth: 56, skip: false })).toBe('depth=56&skip=0');
    expect(serializeState(example, { ...defaultState(example), depth: 56 }, 'gf')).toBe('gf.depth=56');
  });

  it('mergeState replaces only this widget’s keys', () => {
    const merged = mergeState(example, { ...defaultState(example), depth: 32 }, '?rf.depth=9&gf.depth=4&x=1', 'gf');
    expect(merged).toBe('?rf.depth=9&x=1&gf.depth=32');
  });

  it('a prefixed widget reads only its own keys', () => {
    expect(parseState(example, 'depth=5&gf.depth=30', 'gf').state.depth).toBe(30);
  });

  it('defineSchema rejects a default outside the allowed values', () => {
    expect(() => defineSchema({ a: { type: 'int', label: 'A', default: 0, min: 1, max: 3 } })).toThrow(/default 0/);
  });
});

describe('URL state properties', () => {
  it('the example schema round-trips every valid state and survives arbitrary strings', () => {
    checkSchemaProperties(example);
    checkSchemaProperties(example, 'gf');
  });
});

describe('embed options', () => {
  it('reads theme, hide, lang and present', () => {
    expect(parseEmbedOptions('theme=dark&hide=depth,skip&lang=en&present=1', ['depth', 'skip', 'lr']).options).toEqual({
      theme: 'dark',
      hide: ['depth', 'skip'],
      lang: 'en',
      present: true,
    });
  });

  it('ignores unknown controls, themes and languages with notices', () => {
    const { options, notices } = parseEmbedOptions('theme=neon&hide=depth,bogus&lang=xx', ['depth']);
    expect(options).toEqual({ theme: null, hide: ['depth'], lang: null, present: false });
    expect(notices).toHaveLength(3);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(fc.property(fc.string(), (q) => void parseEmbedOptions(q, ['depth'])));
  });
});

describe('embed snippet', () => {
  it('is a titled, lazy, full-width iframe with escaped attributes', () => {
    const html = iframeSnippet({ src: 'https://x.org/embed/a/?m="1"&b=<2>', title: 'A "diagram"', height: 480 });
    expect(html).toBe(
      '<iframe src="https://x.org/embed/a/?m=&quot;1&quot;&amp;b=&lt;2&gt;" title="A &quot;diagram&quot;" ' +
        'width="100%" height="480" loading="lazy" style="border:0" allow="fullscreen; clipboard-write" ' +
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });
});

describe('camel-case keys as HTML attributes spell them', () => {
  const unit = defineSchema({
    unitY: { type: 'int', label: 'Unit row', default: 0, min: 0, max: 31 },
    depth: { type: 'int', label: 'Depth', default: 3, min: 1, max: 12 },
  });

  it('parseState reads unitY given as unity (HTML lowercases attributes) or unit-y, and the exact name first', () => {
    expect(parseState(unit, 'unity=7').state.unitY).toBe(7);
    expect(parseState(unit, 'unit-y=9').state.unitY).toBe(9);
    expect(parseState(unit, 'rf.unity=5', 'rf').state.unitY).toBe(5);
    expect(parseState(unit, 'unity=4&unitY=6').state.unitY).toBe(6);
  });

  it('a value out of range under another spelling is clamped with a notice naming that spelling', () => {
    const parsed = parseState(unit, 'unit-y=99');
    expect(parsed.state.unitY).toBe(31);
    expect(parsed.notices.join(' ')).toContain('unit-y');
  });

  it('mergeState writes the canonical name and drops the other spellings', () => {
    expect(mergeState(unit, { unitY: 3, depth: 3 }, '?unity=7&other=1')).toBe('?other=1&unitY=3');
  });
});
