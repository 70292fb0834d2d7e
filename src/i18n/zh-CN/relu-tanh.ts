/** 简体中文 UI strings: reluTanh. */
import type { ReluTanhStrings } from '../strings.ts';

export const reluTanh: ReluTanhStrings = {
  controls: '实验设置',
  netNames: { relu: 'ReLU', tanh: 'tanh' },
  withDropout: (net: string) => `${net} + Dropout`,
  dropoutOn: 'Dropout 开启（每个全连接层之前 p = 0.5）',
  dropoutOff: 'Dropout 关闭',
  train: '训练',
  pause: '暂停',
  resume: '继续',
  reset: '重置',
  trainingStatus: (step: number, total: number, rate: string) => `第 ${step} / ${total} 步 · 每秒 ${rate} 步`,
  finished: (total: number) => `完成：共 ${total} 步。重置后可再次训练。`,
  paused: '已暂停。',
  loadingData: '正在加载 MNIST 数字…',
  settingsLocked: '运行进行中：要修改网络、优化器或 Dropout，请先重置。',
  errorChart: {
    title: '训练错误率（已平滑）随步数的变化',
    xLabel: '训练步数',
    yLabel: '训练批上的错误率',
  },
  targetLabel: (percent: number) => `目标 ${percent}%`,
  summaryEmpty: '按“训练”：同一个网络并排学习 MNIST 两次，一次用 ReLU 单元，一次用 tanh 单元。',
  summaryBoth: (target: number, relu: number, tanh: number, ratio: string) =>
    `ReLU 在第 ${relu} 步达到 ${target}% 的训练错误率，tanh 在第 ${tanh} 步：${ratio}。判定为复现的条件是 ReLU 所需步数至多为 tanh 的一半；Krizhevsky 等人在 CIFAR-10 上观察到，达到 25% 所需的步数少到六分之一（图 1）。`,
  reproduced: '已复现',
  notReproduced: '未复现',
  notYet: '尚未',
  fasterRatio: (faster: string, times: string) => `${faster} 所需步数仅为另一方的 1/${times}`,
  sameSteps: '两者所需步数相同',
  summaryOne: (target: number, reached: string, step: number, other: string, steps: number) =>
    `${reached} 在第 ${step} 步达到 ${target}% 的训练错误率；${other} 在 ${steps} 步内尚未达到。`,
  summaryNone: (target: number, steps: number) =>
    `两个网络在 ${steps} 步内都还未达到 ${target}% 的训练错误率。继续训练，或提高目标。`,
  caption:
    '同一个四层网络在你的浏览器中、在 8,000 个 MNIST 数字上训练两次：一次用 ReLU 单元，一次用 tanh 单元；随机种子、训练批和优化器都相同。看哪条曲线先下降。打开 Dropout：训练错误率会上升，因为每一步都缺了一半单元，而它训练出的网络泛化得更好。',
  definition:
    '网络：5×5 卷积（w）+ f + 2×2 最大池化，5×5 卷积（2w）+ f + 2×2 最大池化，64 单元全连接层 + f，输出 10 类的全连接层，其中 f = ReLU 或 tanh；开启 Dropout 时，每个全连接层之前 p = 0.5（两个网络用相同的掩码）。两者用同一个随机种子，各自采用适合其单元的初始化：ReLU 用 He，tanh 用 Glorot。带动量、无权重衰减的 SGD，在 8,000 个 32×32 的 MNIST 训练数字上按小批训练。训练错误率：每个批在更新前被分错的比例，经平滑（滑动平均，权重 0.1）。Krizhevsky 等人在 CIFAR-10 上以 25% 为准，那里随机猜测的错误率是 90%；MNIST 更容易，因此默认目标是 10%。',
  dataSummary: '数据：图中绘制的数值',
  historyCaption: '训练历史（每 10 步一行，已平滑）',
  summaryCaption: '达到目标训练错误率所需的步数',
  columns: {
    step: '步',
    net: '网络',
    steps: '达到目标的步数',
    error: (net: string) => `${net} 的训练错误率`,
    loss: (net: string) => `${net} 的损失`,
  },
  notReached: '未达到',
};
