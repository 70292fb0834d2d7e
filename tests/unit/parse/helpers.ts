import type { ModelSpec } from '../../../src/lib/models/index.ts';
import { ParseError } from '../../../src/lib/parse/parse-error.ts';

/** The ParseError `run` throws; fails the test when it throws nothing or something else. */
export function thrown(run: () => unknown): ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but nothing was thrown');
}

/**
 * A valid spec the text format cannot express: the two branches of its concat interleave in
 * spec order (b, c, d), which nested blocks cannot write.
 */
export const interleavedBranches: ModelSpec = {
  id: 'x',
  name: 'x',
  inputShape: [8, 8, 3],
  sources: [],
  layers: [
    { id: 'a', kind: 'conv', filters: 4, kernel: 1 },
    { id: 'b', kind: 'conv', filters: 4, kernel: 1, inputs: ['a'] },
    { id: 'c', kind: 'conv', filters: 4, kernel: 1, inputs: ['a'] },
    { id: 'd', kind: 'conv', filters: 4, kernel: 1, inputs: ['b'] },
    { id: 'e', kind: 'concat', inputs: ['d', 'c'] },
  ],
};
