/**
 * The Your-network URL state: the schema keeps out what could never be a model (wrong alphabet,
 * too long, markup), and decodeModel refuses whatever gets past it without throwing. Every value
 * the Share link writes goes through both and gives the same model back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getModel, modelIds } from '../../../src/lib/models/zoo.ts';
import { canonicalSpec, decodeModel, encodeModel, MAX_URL_MODEL_CHARS } from '../../../src/lib/parse/index.ts';
import { parseState, serializeState } from '../../../src/lib/state/schema.ts';
import { DEFAULT_ZOO_MODEL, yourNetworkSchema } from '../../../src/lib/state/schemas/your-network.ts';
import { checkSchemaProperties } from '../state/schema-properties.ts';

const schema = yourNetworkSchema(modelIds);
const defaults = { model: '', zoo: DEFAULT_ZOO_MODEL, layer: '' };

describe('yourNetworkSchema', () => {
  it('passes the property tests every widget schema passes (with and without its prefix)', () => {
    checkSchemaProperties(schema);
    checkSchemaProperties(schema, 'net');
  });

  it.each([
    ['markup', 'model=<script>alert(1)</script>'],
    ['a javascript: URL', 'model=javascript:alert(1)'],
    ['an unknown tag', 'model=xAAAA'],
    ['the tag alone', 'model=t'],
    ['base64 padding and +/', 'model=tAB+/=='],
    ['one character too many', `model=t${'A'.repeat(MAX_URL_MODEL_CHARS)}`],
    ['a megabyte', `model=t${'A'.repeat(1_000_000)}`],
    ['percent-encoded NUL and bad bytes', 'model=%00%ff%fe'],
    ['an unknown zoo model', 'zoo=resnet1000'],
    ['prototype keys', 'zoo=__proto__&layer=constructor()'],
    ['markup as a layer', 'layer=<b>x</b>'],
    ['a path as a layer', 'layer=../../etc/passwd'],
  ])('falls back to the default for %s, with a notice', (_what, query) => {
    const { state, notices } = parseState(schema, query);
    expect(state).toEqual(defaults);
    expect(notices.length).toBeGreaterThan(0);
  });

  it('keeps a value of the longest length allowed', () => {
    const value = `t${'A'.repeat(MAX_URL_MODEL_CHARS - 1)}`;
    const { state, notices } = parseState(schema, `model=${value}`);
    expect(notices).toEqual([]);
    expect(state.model).toBe(value);
  });

  it('round-trips what encodeModel writes for zoo models, and decodes it to the same spec', async () => {
    for (const id of ['lenet5_modern', 'vgg11', 'resnet50', 'googlenet', 'densenet121']) {
      const spec = getModel(id);
      const encoded = await encodeModel(spec);
      if (!encoded.ok) throw new Error(`${id} does not fit a link`);
      const query = serializeState(schema, { ...defaults, model: encoded.value }, 'net');
      const { state, notices } = parseState(schema, query, 'net');
      expect(notices).toEqual([]);
      const decoded = await decodeModel(state.model);
      if (!decoded.ok) throw decoded.error;
      expect(canonicalSpec(decoded.spec)).toEqual(canonicalSpec(spec));
    }
  });
});

describe('decodeModel on values the schema lets through', () => {
  it('never throws and never accepts garbage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[tj][A-Za-z0-9_-]{1,200}$/), async (value) => {
        expect(parseState(schema, `model=${value}`).state.model).toBe(value);
        const outcome = await decodeModel(value);
        // Random base64 almost never inflates to a model; if it ever does, it must be a valid one.
        if (outcome.ok) expect(outcome.analysis.layers.length).toBeGreaterThan(0);
        else expect(outcome.error.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
