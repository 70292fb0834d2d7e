/** 简体中文 UI strings: format (full-width colon, no space: "深度：56 层"). */
import type { FormatStrings } from '../strings.ts';

export const format: FormatStrings = {
  labelValue: '：',
};
