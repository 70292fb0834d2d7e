/** English UI strings: loadFailure, what a widget says when its code could not be downloaded. */
export const loadFailure = {
  loadFailed: (reason: string) =>
    `This widget's code could not be loaded (${reason.slice(0, 160)}). Check the connection, then retry.`,
  retry: 'Retry',
} as const;
