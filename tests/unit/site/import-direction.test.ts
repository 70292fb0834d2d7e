import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { importDirection } from '../../../scripts/lint/import-direction.js';

// The layer rule on files placed in the real tree (it resolves relative imports from the file).
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: 'module' },
});
const file = (relative: string): string => path.join(process.cwd(), relative);

tester.run('layers/import-direction', importDirection, {
  valid: [
    { filename: file('src/lib/data/mnist.ts'), code: "import { mulberry32 } from '../math/rng.ts';" },
    { filename: file('src/lib/compute/network.ts'), code: "import { mulberry32 } from '../math/rng.ts';" },
    { filename: file('src/lib/compute/lab/lesion.ts'), code: "import * as tf from '@tensorflow/tfjs-core';" },
    { filename: file('src/lib/worker/host.ts'), code: "import { runJob } from '../compute/jobs/index.ts';" },
    { filename: file('src/lib/viz/line-chart.ts'), code: "import { scaleLinear } from 'd3-scale';" },
    {
      filename: file('src/lib/state/schemas/skip-lab.ts'),
      code: "import { DEFAULT_LAB_CONFIG } from '../../data/lab-settings.ts';",
    },
    { filename: file('src/lib/bibliography/references.ts'), code: "import refs from '../../data/references.json';" },
    { filename: file('src/components/rf-explorer/nets.ts'), code: "import { x } from '../../lib/compute/index.ts';" },
    // The model parsers sit beside the models and build specs with them.
    { filename: file('src/lib/parse/pytorch.ts'), code: "import { analyze } from '../models/index.ts';" },
  ],
  invalid: [
    // The violations this rule was written for: data using compute's RNG, state using a component.
    {
      filename: file('src/lib/data/mnist.ts'),
      code: "import { mulberry32 } from '../compute/rng.ts';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src/lib/state/schemas/receptive-field.ts'),
      code: "import { RF_LIMITS } from '../../../components/rf-explorer/state.ts';",
      errors: [{ messageId: 'components' }],
    },
    // The URL schemas sit beside the renderers and the engine, not on top of them: their defaults
    // and names come from the layers below (data, models).
    {
      filename: file('src/lib/state/schemas/skip-lab.ts'),
      code: "import { DEFAULT_LAB_CONFIG } from '../../compute/lab/config.ts';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src/lib/state/schemas/architecture.ts'),
      code: "import { encodings } from '../../viz/encoding.ts';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src/lib/viz/heat.ts'),
      code: "export { tidy } from '@tensorflow/tfjs-core';",
      errors: [{ messageId: 'tfjs' }],
    },
    {
      filename: file('src/lib/models/spec.ts'),
      code: "const load = () => import('../viz/line-chart.ts');",
      errors: [{ messageId: 'upward' }],
    },
    // …but draw nothing and run nothing, and the models know nothing of them.
    {
      filename: file('src/lib/parse/pytorch.ts'),
      code: "import { render } from '../viz/architecture.ts';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src/lib/models/zoo.ts'),
      code: "import { parseText } from '../parse/text-format.ts';",
      errors: [{ messageId: 'upward' }],
    },
    {
      filename: file('src/lib/compute/jobs/lab.ts'),
      code: "export * from '../../worker/protocol.ts';",
      errors: [{ messageId: 'upward' }],
    },
  ],
});
