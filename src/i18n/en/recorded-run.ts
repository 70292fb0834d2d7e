/** Strings of the recorded reference runs drawn behind the training widgets' live curves. */
export const recordedRun = {
  /** The note under the charts while the recorded run is drawn; `summary` is the widget's own verdict of it. */
  note: (w: { steps: number; backend: string; version: string; summary: string }) =>
    `Faint lines: a run of these settings recorded with the same code (npm run record: ${w.steps} steps on ${w.backend.toUpperCase()}, version ${w.version}). The live run should follow them. The recorded run: ${w.summary}`,
  otherSettings: 'The faint recorded run is of the default settings, so it is hidden for these.',
  unavailable: (message: string) => `No recorded run to show: ${message}.`,
  caption: (every: number) => `Recorded run (every ${every}th step, smoothed)`,
} as const;
