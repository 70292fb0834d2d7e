/** English UI strings: inceptionCost. One module per section, so a page's scripts carry only the strings they use. */
export const inceptionCost = {
  controls: 'Module settings',
  formNames: { paper: 'Paper (5×5, Fig. 2b)', torchvision: 'torchvision (3×3, batch norm)' },
  reduceNames: {
    none: 'none (naïve, Fig. 2a)',
    '0.25': '¼ × Table 1',
    '0.5': '½ × Table 1',
    '1': 'Table 1',
    '2': '2 × Table 1',
    '4': '4 × Table 1',
  },
  metricNames: { macs: 'Multiply-accumulates', params: 'Parameters' },
  /** Row labels of the four branches; `k` is the third branch's kernel (5 or 3). */
  branchNames: (k: number) => ['1×1', '3×3', `${k}×${k}`, 'pool'] as const,
  branchLong: (k: number, reduced: boolean) =>
    reduced
      ? (['1×1 conv', '1×1 reduce → 3×3 conv', `1×1 reduce → ${k}×${k} conv`, '3×3 max pool → 1×1 projection'] as const)
      : (['1×1 conv', '3×3 conv', `${k}×${k} conv`, '3×3 max pool'] as const),
  bars: {
    title: (module: string, metric: string) => `${metric} per branch of ${module}: naïve module against this one`,
    xLabel: (metric: string) => `${metric.toLowerCase()} (M = million, K = thousand)`,
    reference: 'naïve (no reductions)',
    chosen: 'this module',
  },
  /** 120422400 → "120.4 M"; 12800 → "12.8 K"; 50000000 → "50 M". */
  compact: (n: number) =>
    (n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} K` : String(Math.round(n))).replace(
      '.0 ',
      ' ',
    ),
  /** 1234567 → "1,234,567". */
  exact: (n: number) => n.toLocaleString('en-US'),
  input: (module: string, h: number, w: number, c: number) => `${module} reads a ${h}×${w}×${c} map.`,
  summaryReduced: (k: number, reduceTo: number, chosen: string, naive: string, ratio: string) =>
    `The ${k}×${k} branch costs ${chosen} multiply-accumulates with its 1×1 reduction to ${reduceTo} channels, against ${naive} without: ${ratio}.`,
  summaryNaive: (k: number, naive: string) =>
    `Without reductions every ${k}×${k} filter reads all the input channels: the ${k}×${k} branch alone costs ${naive} multiply-accumulates.`,
  ratioLess: (times: string) => `${times}× less`,
  ratioMore: (times: string) => `${times}× more`,
  summaryModule: (chosen: string, naive: string, channels: number, naiveChannels: number) =>
    `The whole module: ${chosen} against ${naive} for the naïve one, which also outputs ${naiveChannels} channels instead of ${channels}, because its pool branch passes every input channel on.`,
  summaryModuleNaive: (naive: string, channels: number, inChannels: number) =>
    `The whole module costs ${naive} and outputs ${channels} channels, ${inChannels} of them from the pool branch, which passes every input channel on; the next module's convolutions must read them all.`,
  caption:
    'Pick a module of GoogLeNet and compare it with the naïve Inception module, whose 3×3 and 5×5 convolutions read the input directly. Slide the 1×1 reductions from none to four times Table 1’s width: the cost of the 5×5 branch follows the reduction’s width, while the 1×1 branch never changes.',
  definition:
    "Figures from the site's model zoo: the module is built as layers and analysed like every zoo network, so in torchvision's form they equal the zoo's GoogLeNet. The timing runs both modules, with seeded random weights, on a random 1-image batch in the compute worker, in turns, and reports the median of each. MACs are multiply-accumulates per image, counting only convolutions (pooling, batch norm and ReLU cost none here); parameters include biases in the paper's form and batch norm's scale and shift in torchvision's. Widths are those of Szegedy et al. 2015, Table 1; a scaled reduction is rounded to whole channels.",
  timeButton: 'Time both on this device',
  timing: 'Timing a forward pass of both modules…',
  timingIdle: 'Press the button to run both modules in your browser and time them.',
  /** ms with 2 significant decimals under 10, else 1. */
  ms: (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)),
  timed: (naive: string, chosen: string, measured: string, predicted: string, rounds: number) =>
    `Measured here (median of ${rounds} runs each, batch of 1): the naïve module takes ${naive} ms per forward pass, this one ${chosen} ms, ${measured}; their multiply-accumulates predict ${predicted}.`,
  faster: (times: string) => `${times}× faster`,
  slower: (times: string) => `${times}× slower`,
  timingCaption: 'Measured forward pass of each module on this device',
  timingColumns: ['Module', 'Median forward pass (ms)', 'Multiply-accumulates'] as const,
  timingRows: { naive: 'naïve (no reductions)', chosen: 'this module' },
  dataSummary: 'Data: the plotted numbers',
  tableColumns: [
    'Branch',
    'Layers',
    'Output channels',
    'Parameters',
    'MACs',
    'Naïve parameters',
    'Naïve MACs',
  ] as const,
  totalRow: 'Whole module',
} as const;
