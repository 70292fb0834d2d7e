/** 简体中文 UI strings: runtimeCheck. */
import type { RuntimeCheckStrings } from '../strings.ts';

export const runtimeCheck: RuntimeCheckStrings = {
  depthLabel: '残差块数',
  caption: '一个输出单元对每个输入像素的梯度，在你的浏览器中实时计算。堆叠越深，梯度分布越广。',
  dataSummary: '数据：每个输入行的梯度大小',
  rowHeader: '输入行',
  valueHeader: '该行上的 Σ |∂unit/∂input|',
  triggerError: '请求一个网络之外的单元（显示一个错误）',
};
