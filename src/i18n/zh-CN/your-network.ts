/** 简体中文 UI strings: yourNetwork（“你自己的网络”交互组件）。术语见 docs/terminology.zh-CN.md。 */
import type { YourNetworkStrings } from '../strings.ts';
import { diagramStrings } from './diagram.ts';

export const yourNetwork: YourNetworkStrings = {
  controls: '你的模型',
  // The diagram's Chinese kind names, so a layer is called the same in the table and the diagram.
  kind: (kind) => (diagramStrings.kindNames as Readonly<Record<string, string>>)[kind] ?? kind,
  editorLabel: '模型：粘贴 PyTorch 的 print(model) 输出、本站的文本格式或模型库的 JSON 规格',
  formatLabel: '读取格式',
  formatNames: { auto: '自动识别', pytorch: 'PyTorch 的 print(model) 输出', text: '文本格式', json: 'JSON 规格' },
  detected: (format: string) => `按${format}读取。`,
  inputLabel: '输入（通道×高×宽）',
  inputHint: '例如 3×224×224',
  badInput: (value: string) =>
    `输入尺寸“${value}”不是“通道×高×宽”（三个 1 到 4096 之间的整数）；改用模型自带的输入尺寸。`,
  zooLabel: '载入模型库中的模型',
  zooButton: '载入编辑器',
  errorAt: (line: number, column: number, reason: string) => `第 ${line} 行，第 ${column} 列：${reason}`,
  errorHint: (hint: string) => `提示：${hint}`,
  errorKept: '下方的数字仍是最后一个读取成功的模型的。',
  showError: '在编辑器中定位',
  warningsTitle: '警告',
  warningAt: (line: number, column: number, message: string) => `第 ${line} 行，第 ${column} 列：${message}`,
  fieldPastPadding: (layer: string, size: number, padded: number) =>
    `${layer}：感受野（${size} 像素）比输入连同全部填充（${padded} 像素）还宽；这里的单元只能看到自己感受野的一部分。`,
  totalsTitle: '合计',
  totals: {
    model: '模型',
    input: '输入',
    output: '输出',
    layers: '层数',
    params: '参数量',
    trainable: '可训练参数量',
    macs: '每张图像的乘加运算',
    field: '感受野（大小 / 跳距），位于',
    memory: '每张图像的激活内存（float32，每层输出各计一次）',
  },
  tableCaption: (name: string) => `${name} 的每一层`,
  tableColumns: [
    '#',
    '层',
    '类型',
    '输出（高×宽×通道）',
    '参数量',
    '乘加运算',
    '感受野大小',
    '感受野跳距',
    '感受野起点',
    '激活内存',
  ],
  diagramTitle: '结构图',
  listingsTitle: '同一网络的代码',
  tfjsSummary: 'TF.js（Layers API）',
  pytorchSummary: 'PyTorch',
  unlistable: (reason: string) => `无法生成代码：${reason}。`,
  erfTitle: '有效感受野，现场测量',
  erfLayerLabel: '单元：该层的中心单元',
  erfButton: '测量',
  erfCancel: '取消',
  erfProgressLabel: '测量进度',
  erfIdle: '选一层，测量每个输入像素对其中心单元的影响有多大。',
  erfRunning: (done: number, total: number) => `测量中：第 ${done} / ${total} 遍…`,
  erfCancelled: '测量已取消。',
  erfReduced: (measured: string, own: string) =>
    `为缩短运行时间，在 ${measured} 而非 ${own} 的输入上测量；理论感受野也按 ${measured} 计算。`,
  erfDone: (layer: string, effective: string, theoretical: number, inits: number) =>
    `${layer} 的中心单元：95% 的梯度质量落在 ${effective} 像素以内，理论感受野为 ${theoretical} 像素（${inits} 次随机初始化的平均）。`,
  erfNoLayer: '这个模型没有可测量的空间层。',
  erfCanvasLabel: (layer: string) => `${layer} 中心单元的有效感受野，以热图叠在输入上`,
  erfColumns: ['层', '输入', '理论大小（像素）', '有效大小，95% 质量（像素）', 'σ（像素）', '初始化次数'],
  shareTitle: '保存或分享',
  urlTooLong: (length: number, max: number) =>
    `这个模型放进链接需要 ${length.toLocaleString('zh-CN')} 个字符，超过链接最多容纳的 ${max.toLocaleString('zh-CN')} 个：请改为下载 JSON。链接中保留的是最后一个放得下的模型。`,
  downloadJson: '下载 JSON',
  openJson: '打开 JSON 文件',
  fileTooLarge: '这个文件太大，不可能是一个模型。',
  linkError: (message: string) => `无法读取链接中的模型（${message}）；显示默认模型。`,
  caption:
    '粘贴一个网络，改一个卷积核大小或步幅，看每一层的形状、开销和感受野随之变化；再测量一个单元实际用到了多少理论感受野。',
  definition:
    '数字与模型库使用同一套分析：参数量包括偏置以及批归一化的缩放和平移参数；乘加运算只计卷积层和全连接层，按每张图像计；感受野以输入像素为单位（大小、相邻单元之间的跳距、第一个单元的中心，两轴不同时分别给出）；激活内存把每层的输出按 float32 计一次。有效感受野是随机 He 初始化权重下的 |∂单元/∂输入|，输入由随机种子生成，并对多次初始化取平均（Luo 等，2016）。',
  dataSummary: '数据：测得的感受野',
};
