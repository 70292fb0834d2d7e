/** English UI strings: embed. One module per section, so a page's scripts carry only the strings they use. */
export const embed = {
  from: 'From',
  chapterLink: (chapter: string) => `CNN Lineage: ${chapter}`,
  share: 'Share or embed',
  linkLabel: 'Link to this view',
  snippetLabel: 'Embed code (iframe)',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Select the text and copy it yourself',
  hideLegend: 'Hide controls in the embed',
  preview: 'Preview',
  /** Before the address of a widget's state, in print (the handout's way back to the live widget). */
  printLink: 'Open this view',
  /** The Share/Embed panel's link to this view in presenter mode (`present=1`), and what it does. */
  present: 'Present',
  presentNote: 'Opens this view to fill the window, in large type, for a lecture. Press ? there for the keys.',
} as const;
