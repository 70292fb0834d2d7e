/** 简体中文 UI strings: embed. */
import type { EmbedStrings } from '../strings.ts';

export const embed: EmbedStrings = {
  from: '出自',
  chapterLink: (chapter: string) => `CNN Lineage：${chapter}`,
  share: '分享或嵌入',
  linkLabel: '此视图的链接',
  snippetLabel: '嵌入代码（iframe）',
  copy: '复制',
  copied: '已复制',
  copyFailed: '请选中文本后自行复制',
  hideLegend: '在嵌入中隐藏的控件',
  preview: '预览',
  printLink: '打开此视图',
  present: '演示',
  presentNote: '以大字号铺满窗口打开此视图，供课堂演示。在那里按 ? 查看按键。',
};
