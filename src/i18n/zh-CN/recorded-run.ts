/** 简体中文 UI strings: recordedRun. */
import type { RecordedRunStrings } from '../strings.ts';

export const recordedRun: RecordedRunStrings = {
  note: (w: { steps: number; backend: string; version: string; summary: string }) =>
    `浅色曲线：用同一份代码、同样设置录制的一次运行（npm run record：在 ${w.backend.toUpperCase()} 上训练 ${w.steps} 步，版本 ${w.version}）。实时运行应当与它相近。录制运行的结论：${w.summary}`,
  otherSettings: '浅色的录制运行使用的是默认设置，因此在当前设置下不显示。',
  unavailable: (message: string) => `没有可显示的录制运行：${message}。`,
  caption: (every: number) => `录制运行（每 ${every} 步一行，已平滑）`,
};
