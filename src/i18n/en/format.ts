/** English UI strings: format, the punctuation between a control's label and its value (build time). */
export const format = {
  /** "Depth: 56 layers". */
  labelValue: ': ',
} as const;
