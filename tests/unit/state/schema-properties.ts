/**
 * Property tests every widget schema must pass: a round trip of every valid state, and arbitrary
 * strings never throwing or yielding a value the schema does not allow.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseState, serializeState, type Schema, type StateOf } from '../../../src/lib/state/schema.ts';

/** An arbitrary valid state of `schema`. */
function arbitraryState<S extends Schema>(schema: S): fc.Arbitrary<StateOf<S>> {
  const fields = Object.fromEntries(
    Object.entries(schema).map(([key, spec]) => {
      switch (spec.type) {
        case 'int': {
          const step = spec.step ?? 1;
          const count = Math.floor((spec.max - spec.min) / step);
          return [key, fc.integer({ min: 0, max: count }).map((k) => spec.min + k * step)];
        }
        case 'number':
          return [key, fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true })];
        case 'enum':
          return [key, fc.constantFrom(...spec.values)];
        case 'boolean':
          return [key, fc.boolean()];
        case 'text':
          return [
            key,
            fc.oneof(
              fc.constant(spec.default),
              fc.stringMatching(spec.pattern).filter((v) => v.length <= spec.maxLength),
            ),
          ];
      }
    }),
  );
  return fc.record(fields) as unknown as fc.Arbitrary<StateOf<S>>;
}

/** Every value in `state` is allowed by `schema`. */
function isValid(schema: Schema, state: Record<string, unknown>): boolean {
  return Object.entries(schema).every(([key, spec]) => {
    const v = state[key];
    if (spec.type === 'enum') return spec.values.includes(v as string);
    if (spec.type === 'boolean') return typeof v === 'boolean';
    if (spec.type === 'text') {
      return v === spec.default || (typeof v === 'string' && v.length <= spec.maxLength && spec.pattern.test(v));
    }
    const onGrid = spec.type !== 'int' || (Number.isInteger(v) && ((v as number) - spec.min) % (spec.step ?? 1) === 0);
    return typeof v === 'number' && v >= spec.min && v <= spec.max && onGrid;
  });
}

/** Property tests every widget schema must pass (the registry's tests call this for each). */
export function checkSchemaProperties(schema: Schema, prefix = ''): void {
  fc.assert(
    fc.property(arbitraryState(schema), (state) => {
      const parsed = parseState(schema, serializeState(schema, state, prefix), prefix);
      expect(parsed.notices).toEqual([]);
      expect(parsed.state).toEqual(state);
    }),
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 50 }), (query, value) => {
      for (const q of [query, `${Object.keys(schema)[0] ?? 'x'}=${value}`, `?${query}`]) {
        const parsed = parseState(schema, q, prefix);
        expect(isValid(schema, parsed.state)).toBe(true);
      }
    }),
  );
}
