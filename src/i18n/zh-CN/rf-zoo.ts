/** 简体中文 UI strings: rfZoo. */
import type { RfZooStrings } from '../strings.ts';

export const rfZoo: RfZooStrings = {
  legend: '模型',
  caption:
    '方框：每层第一个（左上角）单元在 224×224 输入上的感受野，每个使感受野变大的层画一个方框。图像之外的部分是零填充：即 Araujo et al. 所说的有效填充。网格表示最后一层的跳距，即相邻单元感受野之间的距离。',
  label: (model: string, size: number) =>
    `${model}：在 224×224 输入上，每层第一个单元的感受野，最终增长到 ${size}×${size} px`,
  image: (side: number) => `${side}×${side} 输入`,
  last: (id: string, size: number) => `${id}：${size} px`,
  dataSummary: (model: string) => `数据：${model}，逐层`,
  columns: {
    layer: '层',
    window: '卷积核 / 步幅 / 填充',
    output: '输出',
    size: '感受野（px）',
    jump: '跳距（px）',
    start: '单元 0 的中心',
    padding: '有效填充（px）',
  },
  kinds: { conv: '卷积', maxpool: '最大池化', avgpool: '平均池化', subsample: '下采样' },
};
