/** 简体中文 UI strings: runtime. */
import type { RuntimeStrings } from '../strings.ts';

export const runtime: RuntimeStrings = {
  badgeIdle: '尚未运行',
  badgeLabel: '计算后端',
  ranOn: (backend: string, ms: number) => `${backend} · ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
  fellBack: (from: string, to: string, reason: string) => `改在 ${to} 上运行，而不是 ${from}：${reason}。`,
  mainThread: '此处无法启动 Web Worker，网络直接在页面上运行，可能会较慢。',
  skipped: (backend: string, reason: string) => `${backend} 不可用：${reason}`,
  chosenForced: (backend: string) => `${backend}，按地址中的要求（backend=）。`,
  chosenSoftwareGpu: (backend: string, renderer: string) =>
    `${backend}：这台机器的 GPU 是在 CPU 上模拟的（${renderer}），比这里的 ${backend} 慢许多倍。`,
  chosenMeasured: (backend: string, other: string, ratio: number) =>
    `${backend}：启动时实测，比 ${other} 快 ${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)} 倍。`,
  recovered: 'GPU 上下文丢失；已重建后端并重新运行任务。',
  computing: '计算中…',
  failed: (message: string) => `计算失败：${message}`,
  pausedUnseen: '不在视野中，已暂停',
  keepTraining: '在后台继续训练',
};
