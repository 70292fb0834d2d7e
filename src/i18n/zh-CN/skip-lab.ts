/** 简体中文 UI strings: skipLab. */
import type { DegradationWords } from '../en/skip-lab.ts';
import type { SkipLabStrings } from '../strings.ts';

const gap = (nats: number): string => `${nats.toFixed(2)} nats`;

export const skipLab: SkipLabStrings = {
  controls: '实验设置',
  networks: '网络',
  optimiser: '优化器（共用）',
  depthValue: (depth: number) => `${depth} 层`,
  scheduleNames: { constant: '恒定', step: '在 50% 和 75% 处 ÷10', cosine: '余弦' },
  netNames: (depth: number, shallow: number) => ({
    shallow: `plain-${shallow}`,
    plain: `plain-${depth}`,
    residual: `ResNet-${depth}`,
  }),
  residualNoIdentity: (depth: number) => `无捷径的 ResNet-${depth}`,
  train: '训练',
  pause: '暂停',
  resume: '继续',
  reset: '重置',
  trainingStatus: (step: number, total: number, rate: string) => `第 ${step} / ${total} 步 · 每秒 ${rate} 步`,
  finished: (total: number) => `完成：共 ${total} 步。重置后可再次训练，或在下方对训练好的网络做删除实验和切片。`,
  paused: '已暂停。',
  loadingData: '正在加载 MNIST 数字…',
  settingsLocked: '运行进行中：要修改网络或优化器，请先重置。',
  impossible: (depth: number, shallow: number) =>
    `浅层基线的层数必须少于深层网络；改为 plain-${shallow} 对比深度 ${depth}。`,
  warmupTooLong: (steps: number, warmup: number) =>
    `预热必须在运行结束前完成；对 ${steps} 步的运行改用 ${warmup} 步预热。`,
  lossChart: {
    title: '训练损失（已平滑）随步数的变化',
    xLabel: '训练步数',
    yLabel: '交叉熵，nats',
  },
  accuracyChart: {
    title: '训练准确率（已平滑）随步数的变化',
    xLabel: '训练步数',
    yLabel: '训练批上的准确率',
  },
  verdictEmpty: '按“训练”：三个网络并排学习 MNIST，使用相同的训练批和相同的优化器。',
  verdictEarly: '继续训练：曲线还太短，无法比较。',
  verdictReproduced: (w: DegradationWords & { finished: boolean }) =>
    `在第 ${w.step} 步复现：${w.names.plain} 的训练损失${w.finished ? '最终' : ''}比 ${w.names.shallow} 高 ${gap(w.plainGap)}（${w.losses.plain} 对 ${w.losses.shallow}，取最后 10% 步数的均值），而 ${w.names.residual} ${w.residualGap < 0 ? `比它低 ${gap(-w.residualGap)}` : '与它持平'}（${w.losses.residual}）。层数更多使普通网络训练得更差，而不只是泛化得更差，而捷径消除了这一点：这就是 He 等人的退化问题（图 1）及其解决办法（图 6）。`,
  verdictNotYet: (w: DegradationWords & { finished: boolean; minGap: number }) =>
    `第 ${w.step} 步${w.finished ? '未复现' : '尚未复现'}：${w.names.plain} 的训练损失${w.plainGap >= 0 ? `比 ${w.names.shallow} 高 ${gap(w.plainGap)}` : `比 ${w.names.shallow} 低 ${gap(-w.plainGap)}`}（${w.losses.plain} 对 ${w.losses.shallow}，取最后 10% 步数的均值），${w.names.residual} 为 ${w.losses.residual}。退化需要 ${w.names.plain} 比 ${w.names.shallow} 至少高 ${w.minGap}，且 ${w.names.residual} 不高于 ${w.names.shallow}。${w.finished ? '试试更深的网络或更多步数。' : ''}`,
  blockTitle: '残差块',
  blockLabels: {
    weight: '3×3 卷积，BN',
    relu: 'ReLU',
    identity: '恒等 x',
    branch: 'F(x)',
    withIdentity: 'y = F(x) + x',
    withoutIdentity: 'y = F(x)',
  },
  identityOn: '恒等捷径开启：y = F(x) + x',
  identityOff: '恒等捷径关闭：y = F(x)',
  identityHelp: '关闭或打开残差网络的恒等路径。训练会在改变后继续，下方的梯度流图显示训练好的网络在此设置下的梯度。',
  flowChart: {
    title: '训练好的网络每层的梯度范数',
    xLabel: '卷积 l',
    yLabel: '‖∂L/∂h_l‖（对数刻度）',
  },
  flowPending: '请先训练：此图测量的是训练好的网络。',
  lesionTitle: '删除实验：删除训练好的网络中的块',
  lesionHelp: '每个按钮在测试时删除一个块（它的输出变为它的捷径，即恒等映射）。再按一次可以恢复。',
  blockButton: (block: string) => `删除 ${block}`,
  lesionPrompt: '按下一个块，把它从两个训练好的网络中删除。',
  lesionResult: (plain: string, residual: string) =>
    `删除这些块后的测试准确率：普通网络 ${plain}，残差网络 ${residual}。`,
  lesionIntact: (plain: string, residual: string) => `完整网络：普通网络 ${plain}，残差网络 ${residual}。`,
  runStudy: '运行完整的删除实验',
  studyProgress: (done: number, total: number) => `删除实验：${done} / ${total} 次评估`,
  perBlockChart: {
    title: '删除一个块后的测试准确率',
    xLabel: '删除的块（1 = 第一个）',
    yLabel: '测试准确率',
  },
  intactLegend: '完整网络的准确率',
  trainedWeights: '训练好的权重',
  contourLegend: '训练损失，nats',
  byKChart: {
    title: '随机删除 k 个块后的测试准确率',
    xLabel: '删除的块数 k',
    yLabel: '测试准确率',
  },
  landscapeTitle: '训练好的权重周围的损失曲面',
  runLandscape: '对损失曲面切片',
  cancel: '取消',
  landscapeProgress: (done: number, total: number) => `损失曲面：${done} / ${total} 个点`,
  sliceChart: {
    title: '沿一个滤波器归一化方向的损失',
    xLabel: 'α（沿该方向的步长）',
    yLabel: '训练损失，nats（对数刻度）',
  },
  contourTitle: (net: string) => `${net}：二维切片 (α, β) 上的损失`,
  needsTraining: '请先训练几步。',
  caption:
    '三个真实的网络在你的浏览器中、在 8,000 个 MNIST 数字上训练：一个普通网络，加上恒等捷径的同一个网络（ResNet），以及一个较浅的普通网络。比较深层普通网络与浅层网络的曲线：如果前者更高，说明深度让训练变差了（退化）。然后删除一些块，再对损失曲面切片，看看捷径为什么有用。',
  definition:
    '网络：针对 32×32 输入的 CIFAR 式结构（He et al. 2016 §4.2）：一个 3×3 卷积，三个由基本块（3×3 卷积、BN、ReLU、3×3 卷积、BN、相加、ReLU）组成的阶段，宽度为 w、2w、4w，使用选项 A 捷径，全局平均池化，输出 10 类的全连接层。普通网络是去掉捷径的同样的层。在 8,000 个训练数字的小批上用带动量和 L2 权重衰减的 SGD 训练；He 初始化，三个网络共用一个随机种子。删除实验与测试准确率：500 个留出数字（Veit et al. 2016）。损失曲面：在 θ + αd₁ + βd₂ 处 128 个训练数字上的损失，方向经过滤波器归一化（Li et al. 2018）。',
  dataSummary: '数据：图中绘制的数值',
  historyCaption: '训练历史（每 10 步一行，已平滑）',
  perBlockCaption: '删除一个块后的测试准确率',
  byKCaption: '随机删除 k 个块后的测试准确率（各次抽取的均值、最小值、最大值）',
  sliceCaption: '一维损失切片',
  flowCaption: '训练好的网络每层的梯度范数',
  columns: {
    step: '步',
    block: '删除的块',
    k: 'k',
    alpha: 'α',
    layer: '层',
    loss: (net: string) => `${net} 的损失`,
    accuracy: (net: string) => `${net} 的准确率`,
    plain: '普通网络',
    residual: '残差网络',
  },
};
