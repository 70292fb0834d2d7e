/** English UI strings for numbers the widgets print. */
export const numbers = {
  /** A norm that rounded to exactly 0 in float32. */
  underflow: '0 (underflow)',
} as const;
