/** English UI strings: runtime. One module per section, so a page's scripts carry only the strings they use. */
export const runtime = {
  badgeIdle: 'not run yet',
  badgeLabel: 'Compute backend',
  ranOn: (backend: string, ms: number) => `${backend} · ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
  fellBack: (from: string, to: string, reason: string) => `Ran on ${to} instead of ${from}: ${reason}.`,
  mainThread: 'No Web Worker could start here, so the network runs on the page itself and may feel slower.',
  skipped: (backend: string, reason: string) => `${backend} unavailable: ${reason}`,
  chosenForced: (backend: string) => `${backend}, as the address asks (backend=).`,
  chosenSoftwareGpu: (backend: string, renderer: string) =>
    `${backend}: this machine's GPU is emulated on the CPU (${renderer}), many times slower than ${backend} here.`,
  chosenMeasured: (backend: string, other: string, ratio: number) =>
    `${backend}: ${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}× faster here than ${other}, measured at start-up.`,
  recovered: 'The GPU context was lost; the backend was rebuilt and the job re-run.',
  computing: 'Computing…',
  failed: (message: string) => `The computation failed: ${message}`,
  pausedUnseen: 'Paused while out of view',
  keepTraining: 'Keep training in the background',
} as const;
