/** 演示模式（嵌入页上的 `present=1`）的文字：工具栏、按键列表和播报。 */
import type { PresentStrings } from '../en/present.ts';

export const present: PresentStrings = {
  barLabel: '演示控制',
  keys: '按键（?）',
  fullscreen: '全屏',
  exitFullscreen: '退出全屏',
  exit: '退出演示模式',
  keysTitle: '键盘',
  close: '关闭',
  keyPlay: '开始、暂停或继续',
  keyChange: (control) => `调整“${control}”`,
  keyReset: '重置',
  keyDefaults: '恢复默认设置',
  keyFullscreen: '打开或关闭全屏',
  keyHelp: '显示或隐藏此列表',
  keyClose: '关闭此列表',
  spaceKey: '空格',
  arrowKeys: '← → ↑ ↓',
  escapeKey: 'Esc',
  changed: (control, value) => `${control}：${value}`,
  notReady: '尚未就绪：交互组件仍在加载。',
  nothingToStart: '此交互组件没有可开始的过程：改动设置时即时计算。',
};
