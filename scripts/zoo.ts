/**
 * `npm run zoo` — the model zoo's figures from the specs in src/lib/models.
 *
 *   npm run zoo                       one row per model: params, MACs, FLOPs, receptive field
 *   npm run zoo -- vgg16 [resnet50]   torchinfo-style per-layer table of each model
 *   npm run zoo -- --json [ids…]      JSON array of { id, params, macs, flops, receptiveField, … }
 *   npm run zoo -- --input 64 [ids…]  analyse at 64×64 (or HxW) instead of each model's own size
 *
 * Errors (unknown id, impossible input, bad CIFAR depth) go to stderr with exit code 1;
 * usage errors exit with 2.
 */
import { analyze, getModel, layerTable, modelIds, SpecError, toRecord, zooTable } from '../src/lib/models/index.ts';
import type { Analysis } from '../src/lib/models/index.ts';

const usage = 'usage: npm run zoo -- [--json] [--input N | --input HxW] [model ids…]';

interface Options {
  json: boolean;
  input: [number, number] | undefined;
  ids: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { json: false, input: undefined, ids: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\nmodels: ${modelIds.join(', ')}\n`);
      process.exit(0);
    } else if (arg === '--input' || arg.startsWith('--input=')) {
      const value = arg === '--input' ? argv[++i] : arg.slice('--input='.length);
      const match = /^([0-9]+)(?:x([0-9]+))?$/.exec(value ?? '');
      if (match === null)
        usageError(`--input needs a size N or HxW, got ${value === undefined ? 'nothing' : `"${value}"`}`);
      const h = Number(match[1]);
      options.input = [h, match[2] === undefined ? h : Number(match[2])];
    } else if (arg.startsWith('-')) usageError(`unknown option ${arg}`);
    else options.ids.push(arg);
  }
  return options;
}

function usageError(message: string): never {
  process.stderr.write(`zoo: ${message}\n${usage}\n`);
  process.exit(2);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const ids = options.ids.length > 0 ? options.ids : modelIds;
  const analyses: Analysis[] = ids.map((id) => {
    const spec = getModel(id);
    const input = options.input;
    return analyze(spec, input === undefined ? spec.inputShape : [input[0], input[1], spec.inputShape[2]]);
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(analyses.map(toRecord), null, 2)}\n`);
  } else if (options.ids.length > 0) {
    process.stdout.write(`${analyses.map(layerTable).join('\n\n')}\n`);
  } else {
    process.stdout.write(
      `${zooTable(analyses)}\n\nMACs: multiply-accumulates of conv and linear layers (torchvision's "GFLOPS"; also LeNet-5's RBF output; pooling and subsampling 0); FLOPs = 2 × MACs.\n`,
    );
  }
}

try {
  main();
} catch (error) {
  if (error instanceof SpecError) {
    process.stderr.write(`zoo: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
