/**
 * English UI strings: loadFailure, what a widget says when its code could not be downloaded.
 * Written into the page at build time (WidgetRoot.astro), `reason` as a `{reason}` placeholder.
 */
export const loadFailure = {
  loadFailed: (reason: string) =>
    `This widget's code could not be loaded (${reason}). Check the connection, then retry.`,
  retry: 'Retry',
} as const;
