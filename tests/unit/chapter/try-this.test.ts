import { describe, expect, it } from 'vitest';
import { tryThisLink } from '../../../src/lib/state/try-this.ts';

describe('tryThisLink', () => {
  it('writes the state with the widget prefix in schema order, with the anchor', () => {
    const link = tryThisLink('skip-lab', { shallow: 8, depth: 32 }, '/skip-connections/', 'skip-lab-widget');
    expect(link.href).toBe('/skip-connections/?lab.depth=32&lab.shallow=8#skip-lab-widget');
    expect(link.summary).toBe('depth 32, shallow baseline 8');
    expect(link.prefix).toBe('lab');
  });

  it('writes booleans as 1/0 and says on/off', () => {
    const link = tryThisLink('relu-tanh', { dropout: true }, '/alexnet/', 'relu-tanh-widget');
    expect(link.href).toBe('/alexnet/?rt.dropout=1#relu-tanh-widget');
    expect(link.summary).toMatch(/ on$/);
  });

  it('names a 0-based picker index the way the widget numbers it, from 1', () => {
    const link = tryThisLink('lenet-live', { digit: 18 }, '/lenet5/', 'lenet-live-widget');
    expect(link.href).toBe('/lenet5/?lenet.digit=18#lenet-live-widget');
    expect(link.summary).toBe('test digit 19');
  });

  it('fails the build on an unknown widget, an unknown key, an empty state or a value the schema would change', () => {
    expect(() => tryThisLink('nope', { a: 1 }, '/', 'x')).toThrow(/unknown widget/);
    expect(() => tryThisLink('skip-lab', { depthh: 32 }, '/', 'x')).toThrow(/unknown key "depthh"/);
    expect(() => tryThisLink('skip-lab', {}, '/', 'x')).toThrow(/give the state/);
    expect(() => tryThisLink('skip-lab', { depth: 33 }, '/', 'x')).toThrow(/Clamped lab|Clamped depth/);
  });
});
