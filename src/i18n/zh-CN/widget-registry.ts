/**
 * 简体中文 words of the widget registry (src/lib/state/widgets.ts) and of the widgets' URL-state
 * schemas (src/lib/state/schemas): titles and descriptions of the embed pages, the control labels,
 * and the titles of the chapters embeds link back to. English keeps these beside the code they
 * describe; tests/unit/i18n/parity.test.ts checks that every widget, control and chapter has its
 * Chinese words here.
 */

/** A widget's Chinese title, description and control labels (by schema key). */
export interface WidgetWords {
  readonly title: string;
  readonly description: string;
  readonly labels: Readonly<Record<string, string>>;
}

export const widgetWords: Readonly<Record<string, WidgetWords>> = {
  architecture: {
    title: '架构图',
    description: '模型库中的任意网络逐层绘制，附带形状、参数量、乘加运算和感受野。',
    labels: { model: '模型', encoding: '方框宽度', expand: '阶段' },
  },
  'receptive-field': {
    title: '感受野探索器',
    description: '一个单元的理论感受野与其有效感受野并排显示，针对一个 VGG 式和一个 ResNet 式网络实时计算。',
    labels: {
      depth: '深度',
      downsample: '下采样',
      kernel: '卷积核大小',
      init: '初始化',
      inits: '平均的随机初始化次数',
      input: '输入图像',
      nets: '显示的网络',
      unitY: '单元行',
      unitX: '单元列',
    },
  },
  'gradient-flow': {
    title: '梯度流探索器',
    description:
      '普通网络与其残差孪生网络在初始化时每层的梯度范数，实时计算，并展示它们如何随深度、激活函数、初始化和批归一化变化。',
    labels: {
      depth: '深度',
      activation: '激活函数',
      init: '初始化',
      bn: '批归一化',
      skips: '跳跃连接',
      every: '每 k 层一条跳跃连接',
      norm: '绘制的梯度',
    },
  },
  'skip-lab': {
    title: '跳跃连接实验室',
    description:
      '一个普通网络、它的残差孪生网络和一个较浅的普通网络在浏览器中并排训练 MNIST；然后对它们做删除实验，并对损失曲面切片。',
    labels: {
      depth: '深度',
      shallow: '浅层基线',
      width: '宽度',
      batch: '批大小',
      lr: '学习率',
      momentum: '动量',
      decay: '权重衰减',
      schedule: '学习率调度',
      warmup: '预热步数',
      steps: '训练步数',
      identity: '恒等捷径',
    },
  },
  'lenet-live': {
    title: 'LeNet-5 实时演示',
    description:
      '写一个数字，一个真实的 LeNet-5 在你的浏览器中识别它：各类别的概率、从 C1 到 F6 的每张特征图及其感受野，以及 C3 连接表。',
    labels: { model: '网络', digit: '测试数字' },
  },
  'relu-tanh': {
    title: 'ReLU 与 tanh',
    description:
      '同一个小型卷积网络在浏览器中分别用 ReLU 和 tanh 单元并排训练 MNIST，可开关 Dropout（Krizhevsky et al. 2012，图 1）。',
    labels: {
      width: '宽度',
      batch: '批大小',
      lr: '学习率',
      momentum: '动量',
      dropout: 'Dropout',
      steps: '训练步数',
      target: '目标训练错误率（%）',
    },
  },
  'batch-norm': {
    title: '批归一化：更快的训练与训练/评估差距',
    description:
      '同一个 sigmoid 网络在浏览器中有无批归一化并排训练 MNIST，并分别在训练模式和评估模式下为批归一化网络评分（Ioffe & Szegedy 2015）。',
    labels: { lr: '学习率', batch: '批大小', seed: '随机种子', steps: '训练步数' },
  },
  'inception-cost': {
    title: 'Inception 模块的开销',
    description:
      'GoogLeNet 的一个 Inception 模块每个分支的开销：有无 1×1 降维，论文版或 torchvision 版，以及各自在浏览器中运行所需的时间。',
    labels: { module: '模块', form: '形式', reduce: '1×1 降维', metric: '条形图显示' },
  },
};

/** Chinese titles of the chapters embeds link back to, by slug ('' is the overview). */
export const chapterTitles: Readonly<Record<string, string>> = {
  '': 'CNN Lineage',
  lenet5: 'LeNet-5',
  alexnet: 'AlexNet',
  vgg: 'VGG',
  inception: '1×1 卷积、NiN 与 GoogLeNet',
  resnet: 'ResNet',
  'after-resnet': 'ResNet 之后',
  'receptive-fields': '感受野',
  'vanishing-gradients': '梯度消失',
  'skip-connections': '跳跃连接',
  'batch-norm': '批归一化',
};
