/**
 * Strings of presenter mode (`present=1` on an embed page): its bar, its keys list and what it
 * announces. Loaded only by presenter mode, like the lesson strings.
 */
export const present = {
  /** The bar's landmark label. */
  barLabel: 'Presenter controls',
  keys: 'Keys (?)',
  fullscreen: 'Fullscreen',
  exitFullscreen: 'Leave fullscreen',
  exit: 'Leave presenter mode',
  /** The keys dialog. */
  keysTitle: 'Keyboard',
  close: 'Close',
  keyPlay: 'Start, pause or resume',
  keyChange: (control: string): string => `Change “${control}”`,
  keyReset: 'Reset',
  keyDefaults: 'Back to the default settings',
  keyFullscreen: 'Fullscreen on or off',
  keyHelp: 'Show or hide this list',
  keyClose: 'Close this list',
  /** The key names in the dialog. */
  spaceKey: 'Space',
  arrowKeys: '← → ↑ ↓',
  escapeKey: 'Esc',
  /** Said (and shown in the bar) after a key changed something. */
  changed: (control: string, value: string): string => `${control}: ${value}`,
  notReady: 'Not ready yet: the widget is still loading.',
  nothingToStart: 'This widget has nothing to start: it computes as you change it.',
};

/** The presenter strings' shape, which every language implements. */
export type PresentStrings = typeof present;
