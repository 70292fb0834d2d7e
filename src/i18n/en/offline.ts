/** Strings of the offline copy's update prompt (src/offline/register.ts), shown when a new build is deployed. */
export const offline = {
  /** The prompt's landmark label. */
  label: 'Site update',
  /** The prompt's message. */
  updateReady: 'A new version of CNN Lineage is ready.',
  /** The button that reloads the page on the new version. */
  reload: 'Reload',
  /** The button that keeps the current version for now. */
  dismiss: 'Later',
};

/** The offline strings' shape, which every language implements. */
export type OfflineStrings = typeof offline;
