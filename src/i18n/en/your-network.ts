/** English UI strings: yourNetwork. One module per section, so a page's scripts carry only the strings they use. */
export const yourNetwork = {
  controls: 'Your model',
  /** A layer's kind in the per-layer table: the zoo's own kind names (conv, dense, add, …). */
  kind: (kind: string) => kind,
  editorLabel: 'Model: paste PyTorch’s print(model), our text format or a zoo JSON spec',
  formatLabel: 'Read as',
  formatNames: { auto: 'detect', pytorch: 'PyTorch print(model)', text: 'text format', json: 'JSON spec' },
  detected: (format: string) => `Read as ${format}.`,
  inputLabel: 'Input (channels×height×width)',
  inputHint: 'e.g. 3×224×224',
  badInput: (value: string) =>
    `Input size “${value}” is not channels×height×width (three whole numbers from 1 to 4096); using the model’s own.`,
  zooLabel: 'Load a zoo model',
  zooButton: 'Load into the editor',
  /** A parse error: where and what, then what was expected. */
  errorAt: (line: number, column: number, reason: string) => `Line ${line}, column ${column}: ${reason}`,
  errorHint: (hint: string) => `Hint: ${hint}`,
  errorKept: 'The figures below are still those of the last model that read correctly.',
  showError: 'Show in the editor',
  warningsTitle: 'Warnings',
  warningAt: (line: number, column: number, message: string) => `Line ${line}, column ${column}: ${message}`,
  fieldPastPadding: (layer: string, size: number, padded: number) =>
    `${layer}: its receptive field (${size} px) is wider than the input with all its padding (${padded} px); units there see only part of their field.`,
  totalsTitle: 'Totals',
  totals: {
    model: 'Model',
    input: 'Input',
    output: 'Output',
    layers: 'Layers',
    params: 'Parameters',
    trainable: 'Trainable parameters',
    macs: 'Multiply-accumulates per image',
    field: 'Receptive field (size / jump) at',
    memory: 'Activation memory per image (float32, every layer’s output)',
  },
  tableCaption: (name: string) => `Every layer of ${name}`,
  tableColumns: [
    '#',
    'Layer',
    'Kind',
    'Output (h×w×c)',
    'Parameters',
    'MACs',
    'RF size',
    'RF jump',
    'RF start',
    'Activation memory',
  ],
  diagramTitle: 'Diagram',
  listingsTitle: 'The same network as code',
  tfjsSummary: 'TF.js (Layers API)',
  pytorchSummary: 'PyTorch',
  unlistable: (reason: string) => `No listing: ${reason}.`,
  erfTitle: 'Effective receptive field, measured live',
  erfLayerLabel: 'Unit: the centre of layer',
  erfButton: 'Measure',
  erfCancel: 'Cancel',
  erfProgressLabel: 'Measurement progress',
  erfIdle: 'Pick a layer and measure how strongly each input pixel moves its centre unit.',
  erfRunning: (done: number, total: number) => `Measuring: pass ${done} of ${total}…`,
  erfCancelled: 'Measurement cancelled.',
  /** Sizes as "84×84" (height×width). */
  erfReduced: (measured: string, own: string) =>
    `Measured at ${measured} instead of ${own} to keep the run short; the theoretical field is the one at ${measured}.`,
  erfDone: (layer: string, effective: string, theoretical: number, inits: number) =>
    `Centre unit of ${layer}: 95% of the gradient mass lies within ${effective} px, of a theoretical field of ${theoretical} px (mean of ${inits} random initialisations).`,
  erfNoLayer: 'This model has no spatial layer to measure.',
  erfCanvasLabel: (layer: string) =>
    `Effective receptive field of the centre unit of ${layer}, as a heat map over the input`,
  erfColumns: [
    'Layer',
    'Input',
    'Theoretical size (px)',
    'Effective size, 95% of mass (px)',
    'σ (px)',
    'Initialisations',
  ],
  shareTitle: 'Keep or share it',
  urlTooLong: (length: number, max: number) =>
    `This model needs ${length.toLocaleString('en-US')} characters in a link, more than the ${max.toLocaleString('en-US')} a link may hold: download it as JSON instead. The link keeps the last model that fitted.`,
  downloadJson: 'Download JSON',
  openJson: 'Open a JSON file',
  fileTooLarge: 'That file is too large to be a model.',
  linkError: (message: string) => `The model in the link could not be read (${message}); showing the default model.`,
  caption:
    'Paste a network, change a kernel size or a stride, and watch the shapes, the cost and the receptive field of every layer follow; then measure how much of its theoretical field a unit really uses.',
  definition:
    'Figures from the same analysis as the zoo’s: parameters include biases and batch norm’s scale and shift; MACs count multiply-accumulates of convolutions and fully connected layers per image; receptive fields are in input pixels (size, jump between neighbouring units, centre of the first unit, per axis where the two differ); activation memory counts each layer’s output once, in float32. The effective receptive field is |∂unit/∂input| with random He-initialised weights over a seeded input, averaged over initialisations (Luo et al. 2016).',
  dataSummary: 'Data: the measured receptive field',
};

/** The Your-network strings' shape, which every language implements. */
export type { YourNetworkStrings } from '../strings.ts';
