/** 简体中文 UI strings: gradientFlow. */
import type { GradientFlowStrings } from '../strings.ts';

export const gradientFlow: GradientFlowStrings = {
  controls: '梯度流设置',
  depthValue: (depth: number) => `${depth} 层`,
  presets: '经典案例',
  presetNames: {
    vanishing: 'sigmoid + 朴素初始化：梯度消失',
    stable: 'ReLU + He 初始化：稳定的普通网络',
    resnet56: '普通网络-56 与 ResNet-56 的深度',
  },
  activationNames: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' },
  initNames: { naive: '朴素 N(0, 0.01²)', glorot: 'Glorot（Xavier）', he: 'He（Kaiming）' },
  normNames: { activation: '‖∂L/∂h‖（激活）', weight: '‖∂L/∂W‖（权重）', both: '两者' },
  netNames: { plain: '普通网络', residual: '残差孪生网络' },
  normsChart: {
    title: '初始化时每层的梯度范数',
    xLabel: '层 l（1 = 第一个卷积）',
    yLabel: '梯度范数（对数刻度）',
    series: (net: string, norm: 'activation' | 'weight') => `${net}：‖∂L/∂${norm === 'activation' ? 'h' : 'W'}‖`,
  },
  ratioChart: {
    title: '首层与末层梯度之比随深度的变化',
    xLabel: '深度（权重层数）',
    yLabel: '‖∂L/∂h₁‖ / ‖∂L/∂h_L‖',
    threshold: '10⁻³',
  },
  shatterChart: {
    title: '相邻输入的梯度相关性随深度的变化（梯度破碎）',
    xLabel: '深度（权重层数）',
    yLabel: '相关系数',
  },
  summaryRatio: (net: string, ratio: string) => `${net}：‖∂L/∂h₁‖ / ‖∂L/∂h_L‖ = ${ratio}`,
  summaryBelow: (depth: number | null, max: number) =>
    depth === null
      ? `在测量的所有深度上（最多 ${max} 层），普通网络的比值都高于 10⁻³。`
      : `在测量的深度中，普通网络的比值在 ${depth} 层时首次低于 10⁻³。`,
  summaryBelowPending: '正在测量各个深度…',
  sweepProgress: (done: number, total: number) => `深度扫描：${done} / ${total} 个深度`,
  noWeightGradientsNote: '此后端没有权重梯度（Conv2DBackpropFilter），因此只显示激活梯度 ‖∂L/∂h‖。',
  noGradient: '无梯度',
  caption:
    '每条曲线都是一个真实的网络：随机初始化，在你的浏览器中对一批 8 张生成的图像（随机像素、随机标签）做前向和反向传播。看普通网络曲线的左端：那是到达前几层的梯度大小。用 sigmoid 和朴素初始化时，它随深度指数级消失；残差孪生网络（同样的权重，加上恒等捷径）则保住了它。',
  definition:
    '网络：一个 3×3 卷积（步幅 2，16 个通道），然后是 depth − 2 个预激活层（[BN →] 激活 → 3×3 卷积，8×8 上 16 个通道），全局平均池化，以及输出 10 类的全连接层。残差孪生网络每隔 k 个卷积加一条恒等捷径（He et al. 2016b）。梯度破碎：一条由 32 个输入组成的直线上，相邻点的输入梯度之间的平均相关系数（Balduzzi et al. 2017）。',
  dataSummary: '数据：图中绘制的数值',
  layersCaption: '当前深度下每层的梯度范数',
  sweepCaption: '深度扫描：首末层之比与相邻梯度的相关系数',
  columns: {
    layer: '层',
    depth: '深度',
    plainH: '普通网络 ‖∂L/∂h‖',
    residualH: '残差网络 ‖∂L/∂h‖',
    plainW: '普通网络 ‖∂L/∂W‖',
    residualW: '残差网络 ‖∂L/∂W‖',
    plainRatio: '普通网络之比',
    residualRatio: '残差网络之比',
    plainCorrelation: '普通网络相关系数',
    residualCorrelation: '残差网络相关系数',
  },
};
