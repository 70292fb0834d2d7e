/** 简体中文 UI strings: loadFailure. */
import type { LoadFailureStrings } from '../strings.ts';

export const loadFailure: LoadFailureStrings = {
  loadFailed: (reason: string) => `无法加载此交互组件的代码（${reason}）。请检查网络连接后重试。`,
  retry: '重试',
};
