/** 简体中文 UI strings: batchNorm. */
import type { BatchNormStrings } from '../strings.ts';

export const batchNorm: BatchNormStrings = {
  controls: '实验设置',
  netNames: { plain: '普通网络', bn: '批归一化' },
  modeNames: { plain: '普通网络（无 BN）', bnEval: 'BN，评估模式', bnTrain: 'BN，训练模式' },
  train: '训练',
  pause: '暂停',
  resume: '继续',
  reset: '重置',
  trainingStatus: (step: number, total: number, rate: string) => `第 ${step} / ${total} 步 · 每秒 ${rate} 步`,
  finished: (total: number) => `完成：共 ${total} 步。重置后可再次训练。`,
  paused: '已暂停。',
  loadingData: '正在加载 MNIST 数字…',
  settingsLocked: '运行进行中：要修改学习率、批大小、随机种子或运行长度，请先重置。',
  errorChart: {
    title: '训练错误率（已平滑）随步数的变化：有无批归一化',
    xLabel: '训练步数',
    yLabel: '训练批上的错误率',
  },
  modeChart: {
    title: '留出数据上的准确率随步数的变化：批归一化网络的训练模式与评估模式',
    xLabel: '训练步数',
    yLabel: '留出数字上的准确率',
  },
  targetLabel: (percent: number) => `目标 ${percent}%`,
  summaryEmpty: '按“训练”：同一个 sigmoid 网络并排学习 MNIST 两次，一次不加处理，一次在每个 sigmoid 之前加批归一化。',
  reproduced: '已复现',
  notReproduced: '在这些设置下未复现',
  notYet: '尚未',
  speedBoth: (target: number, bn: number, plain: number, times: string) =>
    `批归一化网络在第 ${bn} 步达到 ${target}% 的训练错误率，普通网络在第 ${plain} 步（使用 BN 所需步数仅为普通网络的 1/${times}）。`,
  speedBnOnly: (target: number, bn: number, steps: number) =>
    `批归一化网络在第 ${bn} 步达到 ${target}% 的训练错误率；普通网络在 ${steps} 步内尚未达到。`,
  speedPlainOnly: (target: number, plain: number, steps: number) =>
    `普通网络在第 ${plain} 步达到 ${target}% 的训练错误率；批归一化网络在 ${steps} 步内尚未达到。`,
  speedNone: (target: number, steps: number) => `两个网络在 ${steps} 步内都未达到 ${target}% 的训练错误率。`,
  gapWords: (early: string, earlyStep: number, final: string | null) =>
    final === null
      ? `在留出数字上，训练模式减去评估模式：第 ${earlyStep} 步为 ${early} 个百分点。`
      : `在留出数字上，训练模式减去评估模式：第 ${earlyStep} 步为 ${early} 个百分点，结束时为 ${final} 个百分点。`,
  gapNone: '再训练几步后进行第一次留出数据检查。',
  rule: '判定为复现的条件：批归一化网络所需步数至多为普通网络的一半，并且第一次检查时训练模式与评估模式的差距（至少 5 个百分点）到结束时缩小到至多一半。',
  caption:
    '同一个网络在你的浏览器中、在 8,000 个 MNIST 数字上训练两次：一次不加处理，一次在每个 sigmoid 之前加批归一化；随机种子、训练批和学习率都相同。看上方的图：哪个网络的曲线先下降？在下方的图中，批归一化网络在留出数字上评分两次：用每个测试批自身的统计量（训练模式），以及用滑动平均（评估模式）。运行初期两者不一致；把批调小，训练模式就会一直落后。',
  definition:
    '网络：展平 32×32 的输入区域，三个各含 100 个单元的全连接层，每层后接 sigmoid（批归一化网络在全连接层与 sigmoid 之间加批归一化），然后是输出 10 类的全连接层。两者都用同一个随机种子做 Glorot 初始化。普通 SGD（无动量、无权重衰减）。训练错误率：每个批在更新前被分错的比例，经平滑（滑动平均，权重 0.1）。滑动统计量：动量为 0.1 的指数平均，与 PyTorch 的默认值相同。每 20 步两个网络都在 960 个留出数字上评分；训练模式的评分用所选批大小的每个测试批自身的均值和方差做归一化。',
  dataSummary: '数据：图中绘制的数值',
  historyCaption: '训练历史（每 20 步一行，已平滑）',
  checksCaption: '每次检查时留出数据上的准确率',
  columns: {
    step: '步',
    error: (net: string) => `${net}的训练错误率`,
    loss: (net: string) => `${net}的损失`,
    accuracy: (mode: string) => `${mode}下的准确率`,
    gap: '训练 − 评估（百分点）',
  },
};
