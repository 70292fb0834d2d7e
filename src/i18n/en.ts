/**
 * The site's own UI strings in English (Starlight's chrome has its own, in src/content/i18n).
 * Components read strings from here, so a translation is a sibling file with the same keys.
 */
export const en = {
  runtime: {
    badgeIdle: 'not run yet',
    badgeLabel: 'Compute backend',
    ranOn: (backend: string, ms: number) => `${backend} · ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
    fellBack: (from: string, to: string, reason: string) => `Ran on ${to} instead of ${from}: ${reason}.`,
    mainThread: 'No Web Worker could start here, so the network runs on the page itself and may feel slower.',
    skipped: (backend: string, reason: string) => `${backend} unavailable: ${reason}`,
    recovered: 'The GPU context was lost; the backend was rebuilt and the job re-run.',
    computing: 'Computing…',
    failed: (message: string) => `The computation failed: ${message}`,
  },
  runtimeCheck: {
    depthLabel: 'Residual blocks',
    caption:
      'The gradient of one output unit with respect to every input pixel, computed live in your browser. Deeper stacks spread it wider.',
    dataSummary: 'Data: gradient magnitude per input row',
    rowHeader: 'Input row',
    valueHeader: 'Σ |∂unit/∂input| over the row',
    triggerError: 'Ask for a unit outside the network (shows an error)',
  },
} as const;

/** The strings type every language implements. */
export type UiStrings = typeof en;
