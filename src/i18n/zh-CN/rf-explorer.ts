/** 简体中文 UI strings: rfExplorer. */
import type { RfExplorerStrings } from '../strings.ts';

export const rfExplorer: RfExplorerStrings = {
  title: '感受野探索器',
  controls: '探索器设置',
  depth: '深度',
  depthValue: (depth: number) => `${depth} 个卷积层`,
  downsample: '下采样两次（最大池化 / 步幅 2）',
  kernel: '卷积核大小',
  kernelOption: (k: number) => `${k}×${k}`,
  init: '权重',
  initNames: { uniform: '均匀正值（Luo et al.）', he: '随机（He 初始化）' },
  inits: '对多次随机初始化取平均',
  initsUniform: '均匀权重在每次初始化中都相同：算一次就够了。',
  input: '输入图像',
  inputNames: { pattern: '笔画（固定随机种子）', noise: '随机像素（每次初始化重新生成）' },
  nets: '网络',
  netsNames: { both: '两者', plain: '仅普通网络', residual: '仅残差网络' },
  netNames: { plain: '普通网络（VGG 式）', residual: '残差网络（ResNet 式）' },
  netShort: { plain: '普通网络', residual: '残差网络' },
  netDescription: {
    plain: (convs: number, downsample: boolean) =>
      `${convs} 个卷积层${downsample ? '，每个阶段之后接 2×2 最大池化' : ''}`,
    residual: (blocks: number, convs: number, downsample: boolean) =>
      `stem + ${blocks} 个块 = ${convs} 个卷积层${downsample ? '，第 2、3 阶段步幅为 2' : ''}`,
  },
  mapHint: '点击或轻触图像来选择一个单元；图像获得焦点时，可用方向键移动它。',
  mapPicker: (net: string) => `${net}：单元选择器`,
  mapLabel: (net: string, unit: string, theoretical: number, effective: string) =>
    `${net}：单元 ${unit}。理论感受野 ${theoretical}×${theoretical} px（方框）；有效大小 ${effective} px（虚线方框），叠加在输入上。`,
  unitPosition: (row: number, col: number) => `(${row}, ${col})`,
  notMeasured: '尚未测量',
  legendTheoretical: '理论感受野',
  legendEffective: '有效大小（95% 的梯度）',
  legendUnit: '单元的中心',
  caption:
    '注意方框（所有能影响该单元的像素）每加一层都按相同的步长变大，而明亮的光斑（真正影响它的像素，|∂unit/∂input|）只按 √深度 变宽，始终远在方框之内。使用随机权重时，增加初始化次数，观察平均结果逐渐稳定成高斯分布。',
  definition:
    '有效大小：以该单元的感受野为中心、包含 95% 的 |∂unit/∂input|（对各次初始化取平均）的最小正方形的边长。σ：这部分梯度质量相对其中心的标准差。',
  chart: {
    title: '感受野大小随深度的变化',
    xAxis: '深度（卷积层数）',
    yAxis: '大小（px）',
    theoretical: (net: string) => `${net}：理论`,
    effective: (net: string) => `${net}：有效`,
    reference: 'c·√n（Luo et al.）',
    imageSide: (side: number) => `图像边长 ${side} px`,
  },
  slope: (net: string, slope: string) => `${net}：σ ∝ 深度^${slope}`,
  progress: (done: number, total: number) => `计算中… 第 ${done} / ${total} 次`,
  deadUnit: (net: string) =>
    `${net}：在这些权重下，没有梯度从该单元到达输入（死亡 ReLU）。增加初始化次数，或选择另一个单元。`,
  adjusted: (field: string, given: string, used: string) => `“${given}”不是有效的${field}；改用 ${used}。`,
  fieldNames: {
    depth: '深度',
    downsample: '下采样设置',
    kernel: '卷积核大小',
    init: '权重设置',
    inits: '初始化次数',
    input: '输入图像',
    nets: '网络选择',
    unitY: '单元行',
    unitX: '单元列',
  },
  dataSummary: '数据：图中绘制的数值',
  dataCaption: '每个测量深度上中心单元的理论感受野与有效感受野',
  dataUnitCaption: '最后一层中所选的单元',
  columns: {
    net: '网络',
    layer: '层',
    depth: '卷积层数',
    unit: '单元（行，列）',
    theoretical: '理论大小（px）',
    effective: '有效大小（px）',
    sigma: 'σ（px）',
    support: '非零梯度（px）',
  },
};
