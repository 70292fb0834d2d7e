/**
 * 简体中文 words of the widget registry (src/lib/state/widgets.ts) and of the widgets' URL-state
 * schemas (src/lib/state/schemas): titles and descriptions of the embed pages, the control labels,
 * and the titles of the chapters embeds link back to. English keeps these beside the code they
 * describe; tests/unit/i18n/parity.test.ts checks that every widget, control and chapter has its
 * Chinese words here.
 */

/** A widget's Chinese title, description, control labels and parameter help (by schema key). */
export interface WidgetWords {
  readonly title: string;
  readonly description: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The instructors' catalog's explanation of each parameter that has one in English. */
  readonly help: Readonly<Record<string, string>>;
}

export const widgetWords: Readonly<Record<string, WidgetWords>> = {
  architecture: {
    title: '架构图',
    description: '模型库中的任意网络逐层绘制，附带形状、参数量、乘加运算和感受野。',
    labels: { model: '模型', encoding: '方框宽度', expand: '阶段' },
    help: {
      model:
        '要绘制的网络，用其 torchvision id 表示（CIFAR 网络和普通 ImageNet 网络用本站的 id）。在章节页面上，图保持其自身的模型。',
      encoding: '每个方框的宽度表示什么：该层的输出大小、参数量或乘加运算。',
      expand: 'auto 把深层网络折叠成阶段；all 展开每个块；none 全部折叠。',
    },
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
    help: {
      depth: '到所选单元的卷积层数：奇数，有下采样时为 6n + 1（取最接近的值）。',
      downsample: '池化（普通网络）或步幅为 2 的阶段（残差网络），把分辨率减半两次。',
      init: 'uniform：每个权重为 1/fan-in（Luo et al.）；he：随机的 He 正态权重。',
      unitY: '所选单元中心最接近的输入像素。',
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
    help: {
      depth: '权重层数：卷积层加上最后的全连接层。',
      init: 'naive：N(0, 0.01²)；glorot：Glorot & Bengio 2010 均匀分布；he：He et al. 2015 正态分布。',
      skips: '显示残差孪生网络：同样的权重，每 k 层加一条恒等捷径。',
      norm: 'activation：‖∂L/∂h_l‖；weight：‖∂L/∂W_l‖（WASM 上没有）；both：两者。',
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
    help: {
      depth: '普通网络和残差网络的权重层数：6n + 2，与 CIFAR ResNet 相同。',
      shallow: '一同训练的较浅普通网络的权重层数（少于 depth）。',
      width: '第一个阶段的通道数。',
      schedule: 'constant：恒定；step：在运行的 50% 和 75% 处 ÷10（He et al. 2016 §4.2）；cosine：余弦。',
      warmup: '调度开始之前，学习率线性升到峰值所用的步数（0：不预热）。',
      steps: '运行的长度；训练在此停止（调度覆盖整个运行）。',
      identity: '关闭时，残差网络失去捷径（y = F(x)），像普通网络一样训练和反向传播。',
    },
  },
  'lenet-live': {
    title: 'LeNet-5 实时演示',
    description:
      '写一个数字，一个真实的 LeNet-5 在你的浏览器中识别它：各类别的概率、从 C1 到 F6 的每张特征图及其感受野，以及 C3 连接表。',
    labels: { model: '网络', digit: '测试数字' },
    help: {
      model:
        'lenet5：1998 年的网络（缩放 tanh、可训练下采样、C3 连接表、RBF 输出）；lenet5_modern：ReLU、最大池化、softmax。',
      digit: '20 个留出的测试数字中，最先画在手写板上的是哪一个（0–19）。',
    },
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
    help: {
      width: '第一个卷积层的通道数（第二个是它的两倍）。',
      dropout: '训练时，两个网络在每个全连接层之前丢弃一半单元（AlexNet §4.2）。',
      steps: '运行的长度；训练在此停止。',
      target: '结论中比较的训练错误率：两个网络首次低于它的步数（图 1 在 CIFAR-10 上用的是 25%）。',
    },
  },
  'batch-norm': {
    title: '批归一化：更快的训练与训练/评估差距',
    description:
      '同一个 sigmoid 网络在浏览器中有无批归一化并排训练 MNIST，并分别在训练模式和评估模式下为批归一化网络评分（Ioffe & Szegedy 2015）。',
    labels: { lr: '学习率', batch: '批大小', seed: '随机种子', steps: '训练步数' },
    help: {
      lr: '普通 SGD 的 η，两个网络相同。',
      batch: '每步的样本数；也是训练模式检查中用来归一化的测试批的大小。',
      seed: '初始权重（两个网络共用）和批顺序的随机种子。',
      steps: '运行的长度；训练在此停止。',
    },
  },
  'inception-cost': {
    title: 'Inception 模块的开销',
    description:
      'GoogLeNet 的一个 Inception 模块每个分支的开销：有无 1×1 降维，论文版或 torchvision 版，以及各自在浏览器中运行所需的时间。',
    labels: { module: '模块', form: '形式', reduce: '1×1 降维', metric: '条形图显示' },
    help: {
      module: 'GoogLeNet 的九个 Inception 模块之一，用 torchvision 中的名称表示（Szegedy et al. 2015，表 1）。',
      form: 'paper：第三个分支为 5×5，卷积带偏置；torchvision：第三个分支为 3×3，每个卷积之后接批归一化，与 torchvision 的 googlenet 一致。',
      reduce: '3×3 和 5×5 卷积之前 1×1 降维的宽度，以表 1 宽度的倍数表示；none 是图 2(a) 的朴素模块。',
      metric: '每张图像的乘加运算，或参数量。',
    },
  },
  'your-network': {
    title: '你自己的网络',
    description:
      '粘贴或编写一个模型（PyTorch 的 print 输出、文本格式或 JSON）：它的结构图、形状、参数量、乘加运算、感受野和代码，实时测量的有效感受野，以及一个包含整个模型的链接。',
    labels: { model: '模型', zoo: '模型库中的模型', layer: '有效感受野的层' },
    help: {
      model: '整个模型，按“分享”按钮写出的形式：压缩文本或 JSON。留空：使用载入的模型库模型。',
      zoo: '载入编辑器的模型库模型，用 torchvision 的 id 表示；给出模型时忽略此项。',
      layer: '测量其中心单元有效感受野的层；留空：最后一个空间层。',
    },
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
  'your-network': '你自己的网络',
};
