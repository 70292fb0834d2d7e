/** English UI strings: reluTanh. One module per section, so a page's scripts carry only the strings they use. */
export const reluTanh = {
  controls: 'Experiment settings',
  netNames: { relu: 'ReLU', tanh: 'tanh' },
  withDropout: (net: string) => `${net} + dropout`,
  dropoutOn: 'Dropout on (p = 0.5 before each fully connected layer)',
  dropoutOff: 'Dropout off',
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  reset: 'Reset',
  trainingStatus: (step: number, total: number, rate: string) => `Step ${step} of ${total} · ${rate} steps/s`,
  finished: (total: number) => `Finished: ${total} steps. Reset to train again.`,
  paused: 'Paused.',
  loadingData: 'Loading the MNIST digits…',
  settingsLocked: 'Reset to change the network, the optimiser or dropout of a run in progress.',
  errorChart: {
    title: 'Training error (smoothed) against step',
    xLabel: 'training step',
    yLabel: 'error on the training batch',
  },
  targetLabel: (percent: number) => `target ${percent}%`,
  summaryEmpty:
    'Press Train: the same network learns MNIST twice, side by side, once with ReLU and once with tanh units.',
  summaryBoth: (target: number, relu: number, tanh: number, ratio: string) =>
    `ReLU reached ${target}% training error at step ${relu}, tanh at step ${tanh}: ${ratio}. The claim counts as reproduced when ReLU needs at most half of tanh's steps; Krizhevsky et al. saw six times fewer steps to 25% on CIFAR-10 (Fig. 1).`,
  reproduced: 'Reproduced',
  notReproduced: 'Not reproduced',
  notYet: 'Not yet',
  fasterRatio: (faster: string, times: string) => `${faster} needed ${times}× fewer steps`,
  sameSteps: 'both needed the same number of steps',
  summaryOne: (target: number, reached: string, step: number, other: string, steps: number) =>
    `${reached} reached ${target}% training error at step ${step}; ${other} has not reached it in ${steps} steps.`,
  summaryNone: (target: number, steps: number) =>
    `Neither net has reached ${target}% training error in ${steps} steps yet. Keep training, or raise the target.`,
  caption:
    'The same four-layer network trains here twice, in your browser, on 8,000 MNIST digits: once with ReLU units and once with tanh units, from the same seed, on the same batches, with the same optimiser. Watch which curve falls first. Switch dropout on: the training error rises, since half the units are missing at every step, while the network it trains generalises better.',
  definition:
    'Network: 5×5 conv (w) + f + 2×2 max pool, 5×5 conv (2w) + f + 2×2 max pool, dense 64 + f, dense 10, with f = ReLU or tanh; with dropout, p = 0.5 before each dense layer (the same masks for both nets). One seed for both, each with the initialisation made for its units: He for ReLU, Glorot for tanh. Momentum SGD without weight decay on mini-batches of 8,000 MNIST training digits in 32×32 fields. Training error: the share of each batch misclassified before the update, smoothed (moving average, weight 0.1). Krizhevsky et al. measured 25% on CIFAR-10, where chance is 90% error; MNIST is easier, so the default target is 10%.',
  dataSummary: 'Data: the plotted numbers',
  historyCaption: 'Training history (every 10th step, smoothed)',
  summaryCaption: 'Steps to reach the target training error',
  columns: {
    step: 'Step',
    net: 'Network',
    steps: 'Steps to the target',
    error: (net: string) => `${net} training error`,
    loss: (net: string) => `${net} loss`,
  },
  notReached: 'not reached',
} as const;
