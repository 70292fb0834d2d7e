/** 简体中文 UI strings: numbers. */
import type { NumbersStrings } from '../strings.ts';

export const numbers: NumbersStrings = {
  underflow: '0（下溢）',
};
