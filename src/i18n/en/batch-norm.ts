/** English UI strings: batchNorm. One module per section, so a page's scripts carry only the strings they use. */
export const batchNorm = {
  controls: 'Experiment settings',
  netNames: { plain: 'plain', bn: 'batch norm' },
  modeNames: { plain: 'plain (no BN)', bnEval: 'BN, eval mode', bnTrain: 'BN, train mode' },
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  reset: 'Reset',
  trainingStatus: (step: number, total: number, rate: string) => `Step ${step} of ${total} · ${rate} steps/s`,
  finished: (total: number) => `Finished: ${total} steps. Reset to train again.`,
  paused: 'Paused.',
  loadingData: 'Loading the MNIST digits…',
  settingsLocked: 'Reset to change the learning rate, batch size, seed or length of a run in progress.',
  errorChart: {
    title: 'Training error (smoothed) against step, with and without batch norm',
    xLabel: 'training step',
    yLabel: 'error on the training batch',
  },
  modeChart: {
    title: 'Held-out accuracy against step: the batch-norm net in train mode and in eval mode',
    xLabel: 'training step',
    yLabel: 'accuracy on held-out digits',
  },
  targetLabel: (percent: number) => `target ${percent}%`,
  summaryEmpty:
    'Press Train: the same sigmoid network learns MNIST twice, side by side, once plain and once with batch norm before every sigmoid.',
  reproduced: 'Reproduced',
  notReproduced: 'Not reproduced at these settings',
  notYet: 'Not yet',
  speedBoth: (target: number, bn: number, plain: number, times: string) =>
    `batch norm reached ${target}% training error at step ${bn}, the plain net at step ${plain} (${times}× fewer steps with BN).`,
  speedBnOnly: (target: number, bn: number, steps: number) =>
    `batch norm reached ${target}% training error at step ${bn}; the plain net has not reached it in ${steps} steps.`,
  speedPlainOnly: (target: number, plain: number, steps: number) =>
    `the plain net reached ${target}% training error at step ${plain}; batch norm has not in ${steps} steps.`,
  speedNone: (target: number, steps: number) => `neither net has reached ${target}% training error in ${steps} steps.`,
  gapWords: (early: string, earlyStep: number, final: string | null) =>
    final === null
      ? `On held-out digits, train mode minus eval mode: ${early} points at step ${earlyStep}.`
      : `On held-out digits, train mode minus eval mode: ${early} points at step ${earlyStep}, ${final} points at the end.`,
  gapNone: 'The first held-out check comes after a few more steps.',
  rule: 'The claim counts as reproduced when batch norm needs at most half the plain net’s steps, and the train/eval gap of the first check (at least 5 points) has shrunk to at most half by the end.',
  caption:
    'The same network trains here twice, in your browser, on 8,000 MNIST digits: plain, and with batch norm before every sigmoid, from the same seed, on the same batches, at the same learning rate. Watch the top chart: which net falls first? In the lower chart, the batch-norm net is scored on held-out digits twice: with each test batch’s own statistics (train mode) and with the running averages (eval mode). Early in a run they disagree; make the batch small and train mode falls behind for good.',
  definition:
    'Network: flatten the 32×32 field, three dense layers of 100 units, each followed by a sigmoid (with batch norm between the dense layer and the sigmoid in the BN net), then dense 10. Glorot initialisation from one seed for both. Plain SGD (no momentum, no weight decay). Training error: the share of each batch misclassified before the update, smoothed (moving average, weight 0.1). Running statistics: exponential average with momentum 0.1, as PyTorch’s default. Every 20 steps both nets are scored on 960 held-out digits; the train-mode score normalises each test batch of the chosen batch size by its own mean and variance.',
  dataSummary: 'Data: the plotted numbers',
  historyCaption: 'Training history (every 20th step, smoothed)',
  checksCaption: 'Held-out accuracy at each check',
  columns: {
    step: 'Step',
    error: (net: string) => `${net} training error`,
    loss: (net: string) => `${net} loss`,
    accuracy: (mode: string) => `${mode} accuracy`,
    gap: 'Train − eval (points)',
  },
} as const;
