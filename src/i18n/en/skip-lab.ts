/** English UI strings: skipLab. One module per section, so a page's scripts carry only the strings they use. */
/** What a degradation verdict is worded from: net names, losses as shown, the step, the gaps (nats). */
export interface DegradationWords {
  readonly names: Readonly<Record<'shallow' | 'plain' | 'residual', string>>;
  readonly losses: Readonly<Record<'shallow' | 'plain' | 'residual', string>>;
  readonly step: number;
  readonly plainGap: number;
  readonly residualGap: number;
}

const gap = (nats: number): string => `${nats.toFixed(2)} nats`;

export const skipLab = {
  controls: 'Lab settings',
  networks: 'Networks',
  optimiser: 'Optimiser (shared)',
  depthValue: (depth: number) => `${depth} layers`,
  scheduleNames: { constant: 'constant', step: '÷10 at 50% and 75%', cosine: 'cosine' },
  netNames: (depth: number, shallow: number) => ({
    shallow: `plain-${shallow}`,
    plain: `plain-${depth}`,
    residual: `ResNet-${depth}`,
  }),
  residualNoIdentity: (depth: number) => `ResNet-${depth} without shortcuts`,
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  reset: 'Reset',
  trainingStatus: (step: number, total: number, rate: string) => `Step ${step} of ${total} · ${rate} steps/s`,
  finished: (total: number) =>
    `Finished: ${total} steps. Reset to train again, or lesion and slice the trained nets below.`,
  paused: 'Paused.',
  loadingData: 'Loading the MNIST digits…',
  settingsLocked: 'Reset to change the networks or the optimiser of a run in progress.',
  impossible: (depth: number, shallow: number) =>
    `The shallow baseline must have fewer layers than the deep nets; using plain-${shallow} against depth ${depth}.`,
  warmupTooLong: (steps: number, warmup: number) =>
    `The warm-up must end before the run does; using ${warmup} warm-up steps for a run of ${steps}.`,
  lossChart: {
    title: 'Training loss (smoothed) against step',
    xLabel: 'training step',
    yLabel: 'cross-entropy, nats',
  },
  accuracyChart: {
    title: 'Training accuracy (smoothed) against step',
    xLabel: 'training step',
    yLabel: 'accuracy on the training batch',
  },
  verdictEmpty: 'Press Train: three networks learn MNIST side by side, on the same batches, with the same optimiser.',
  verdictEarly: 'Keep training: the curves are still too short to compare.',
  verdictReproduced: (w: DegradationWords & { finished: boolean }) =>
    `Reproduced at step ${w.step}: ${w.names.plain} ${w.finished ? 'ends' : 'is'} ${gap(w.plainGap)} above ${w.names.shallow} in training loss (${w.losses.plain} against ${w.losses.shallow}, mean of the last 10% of steps), and ${w.names.residual} ${w.finished ? 'ends' : 'is'} ${w.residualGap < 0 ? `${gap(-w.residualGap)} below` : 'level with'} it (${w.losses.residual}). More layers made the plain net train worse, not just generalise worse, and the shortcuts undo it: He et al.'s degradation problem (Fig. 1) and its cure (Fig. 6).`,
  verdictNotYet: (w: DegradationWords & { finished: boolean; minGap: number }) =>
    `${w.finished ? 'Not reproduced' : 'Not yet'} at step ${w.step}: ${w.names.plain} ${w.plainGap >= 0 ? `is ${gap(w.plainGap)} above` : `is ${gap(-w.plainGap)} below`} ${w.names.shallow} in training loss (${w.losses.plain} against ${w.losses.shallow}, mean of the last 10% of steps), ${w.names.residual} is at ${w.losses.residual}. Degradation needs ${w.names.plain} at least ${w.minGap} above ${w.names.shallow} and ${w.names.residual} no higher than ${w.names.shallow}.${w.finished ? ' Try more depth or more steps.' : ''}`,
  blockTitle: 'The residual block',
  blockLabels: {
    weight: '3×3 conv, BN',
    relu: 'ReLU',
    identity: 'identity x',
    branch: 'F(x)',
    withIdentity: 'y = F(x) + x',
    withoutIdentity: 'y = F(x)',
  },
  identityOn: 'Identity shortcut on: y = F(x) + x',
  identityOff: 'Identity shortcut off: y = F(x)',
  identityHelp:
    'Switch the identity path of the residual net off or on. Training continues with the change, and the gradient-flow chart below shows the trained nets’ gradients with it.',
  flowChart: {
    title: 'Gradient norm per layer of the trained nets',
    xLabel: 'convolution l',
    yLabel: '‖∂L/∂h_l‖ (log scale)',
  },
  flowPending: 'Train first: this chart measures the trained networks.',
  lesionTitle: 'Lesion study: delete blocks of the trained nets',
  lesionHelp:
    'Each button deletes one block at test time (its output becomes its shortcut: the identity). Press again to put it back.',
  blockButton: (block: string) => `Delete ${block}`,
  lesionPrompt: 'Press a block to delete it from both trained nets.',
  lesionResult: (plain: string, residual: string) =>
    `Test accuracy with the deleted blocks: plain ${plain}, residual ${residual}.`,
  lesionIntact: (plain: string, residual: string) => `Intact: plain ${plain}, residual ${residual}.`,
  runStudy: 'Run the full lesion study',
  studyProgress: (done: number, total: number) => `Lesion study: ${done} of ${total} evaluations`,
  perBlockChart: {
    title: 'Test accuracy with one block deleted',
    xLabel: 'deleted block (1 = first)',
    yLabel: 'test accuracy',
  },
  intactLegend: 'intact accuracy',
  trainedWeights: 'trained weights',
  contourLegend: 'training loss, nats',
  byKChart: {
    title: 'Test accuracy with k random blocks deleted',
    xLabel: 'blocks deleted, k',
    yLabel: 'test accuracy',
  },
  landscapeTitle: 'Loss landscape around the trained weights',
  runLandscape: 'Slice the loss landscape',
  cancel: 'Cancel',
  landscapeProgress: (done: number, total: number) => `Loss landscape: ${done} of ${total} points`,
  sliceChart: {
    title: 'Loss along one filter-normalised direction',
    xLabel: 'α (step along the direction)',
    yLabel: 'training loss, nats (log scale)',
  },
  contourTitle: (net: string) => `${net}: loss on a 2-D slice (α, β)`,
  needsTraining: 'Train for a few steps first.',
  caption:
    'Three real networks train here, in your browser, on 8,000 MNIST digits: a plain net, the same net with identity shortcuts (ResNet), and a shallower plain net. Compare the deep plain curve with the shallow one: if it is higher, depth made training worse (degradation). Then delete blocks, and slice the loss surface, to see why shortcuts help.',
  definition:
    'Networks: CIFAR-style (He et al. 2016 §4.2) for 32×32 inputs: a 3×3 conv, three stages of basic blocks (3×3 conv, BN, ReLU, 3×3 conv, BN, add, ReLU) with widths w, 2w, 4w and option-A shortcuts, global average pooling, dense to 10 classes. The plain nets are the same layers without the shortcuts. SGD with momentum and L2 weight decay on mini-batches of the 8,000 training digits; He init, one seed for all three. Lesions and test accuracy: 500 held-out digits (Veit et al. 2016). Landscape: loss on 128 training digits at θ + αd₁ + βd₂, directions filter-normalised (Li et al. 2018).',
  dataSummary: 'Data: the plotted numbers',
  historyCaption: 'Training history (every 10th step, smoothed)',
  perBlockCaption: 'Test accuracy with one block deleted',
  byKCaption: 'Test accuracy with k random blocks deleted (mean, min, max of the draws)',
  sliceCaption: '1-D loss slice',
  flowCaption: 'Per-layer gradient norms of the trained nets',
  columns: {
    step: 'Step',
    block: 'Deleted block',
    k: 'k',
    alpha: 'α',
    layer: 'Layer',
    loss: (net: string) => `${net} loss`,
    accuracy: (net: string) => `${net} accuracy`,
    plain: 'Plain',
    residual: 'Residual',
  },
} as const;
