/** English UI strings: runtime. One module per section, so a page's scripts carry only the strings they use. */
export const runtime = {
  badgeIdle: 'not run yet',
  badgeLabel: 'Compute backend',
  ranOn: (backend: string, ms: number) => `${backend} · ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
  fellBack: (from: string, to: string, reason: string) => `Ran on ${to} instead of ${from}: ${reason}.`,
  mainThread: 'No Web Worker could start here, so the network runs on the page itself and may feel slower.',
  skipped: (backend: string, reason: string) => `${backend} unavailable: ${reason}`,
  recovered: 'The GPU context was lost; the backend was rebuilt and the job re-run.',
  computing: 'Computing…',
  failed: (message: string) => `The computation failed: ${message}`,
} as const;
