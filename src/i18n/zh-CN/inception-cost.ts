/** 简体中文 UI strings: inceptionCost. */
import type { InceptionCostStrings } from '../strings.ts';

/** A count in 万 / 亿, the way Chinese writes large numbers: 120422400 → "1.2 亿"; 12800 → "1.28 万". */
const compact = (n: number): string => {
  const trim = (s: string): string => s.replace(/\.?0+$/, '');
  if (n >= 1e8) return `${trim((n / 1e8).toFixed(2))} 亿`;
  if (n >= 1e4) return `${trim((n / 1e4).toFixed(n >= 1e5 ? 1 : 2))} 万`;
  return String(Math.round(n));
};

export const inceptionCost: InceptionCostStrings = {
  controls: '模块设置',
  formNames: { paper: '论文版（5×5，图 2b）', torchvision: 'torchvision 版（3×3，批归一化）' },
  reduceNames: {
    none: '无（朴素模块，图 2a）',
    '0.25': '¼ × 表 1',
    '0.5': '½ × 表 1',
    '1': '表 1',
    '2': '2 × 表 1',
    '4': '4 × 表 1',
  },
  metricNames: { macs: '乘加运算', params: '参数量' },
  branchNames: (k: number) => ['1×1', '3×3', `${k}×${k}`, '池化'] as const,
  branchLong: (k: number, reduced: boolean) =>
    reduced
      ? (['1×1 卷积', '1×1 降维 → 3×3 卷积', `1×1 降维 → ${k}×${k} 卷积`, '3×3 最大池化 → 1×1 投影'] as const)
      : (['1×1 卷积', '3×3 卷积', `${k}×${k} 卷积`, '3×3 最大池化'] as const),
  bars: {
    title: (module: string, metric: string) => `${module} 各分支的${metric}：朴素模块与当前模块`,
    xLabel: (metric: string) => `${metric}（万、亿）`,
    reference: '朴素模块（无降维）',
    chosen: '当前模块',
  },
  compact,
  exact: (n: number) => n.toLocaleString('zh-CN'),
  input: (module: string, h: number, w: number, c: number) => `${module} 的输入是 ${h}×${w}×${c} 的特征图。`,
  summaryReduced: (k: number, reduceTo: number, chosen: string, naive: string, ratio: string) =>
    `${k}×${k} 分支先用 1×1 卷积降维到 ${reduceTo} 个通道，需要 ${chosen} 次乘加运算，不降维则需要 ${naive} 次：${ratio}。`,
  summaryNaive: (k: number, naive: string) =>
    `不降维时，每个 ${k}×${k} 卷积核都要读取全部输入通道：仅 ${k}×${k} 分支就需要 ${naive} 次乘加运算。`,
  ratioLess: (times: string) => `仅为其 1/${times}`,
  ratioMore: (times: string) => `是其 ${times} 倍`,
  summaryModule: (chosen: string, naive: string, channels: number, naiveChannels: number) =>
    `整个模块：${chosen}，朴素模块为 ${naive}；朴素模块还输出 ${naiveChannels} 个通道而不是 ${channels} 个，因为它的池化分支把每个输入通道都传了下去。`,
  summaryModuleNaive: (naive: string, channels: number, inChannels: number) =>
    `整个模块需要 ${naive}，输出 ${channels} 个通道，其中 ${inChannels} 个来自池化分支，它把每个输入通道都传了下去；下一个模块的卷积必须把它们全部读入。`,
  caption:
    '选择 GoogLeNet 的一个模块，与朴素 Inception 模块比较：朴素模块的 3×3 和 5×5 卷积直接读取输入。把 1×1 降维从“无”拖到表 1 宽度的四倍：5×5 分支的开销随降维宽度变化，而 1×1 分支始终不变。',
  definition:
    '数值来自本站的模型库：模块按层构建，并像模型库中的每个网络一样分析，因此在 torchvision 的版本下与模型库中的 GoogLeNet 相同。计时在计算 Worker 中用随机种子生成的权重、对随机的单张图像批交替运行两个模块，报告各自的中位数。MACs 是每张图像的乘加运算次数，只计卷积（池化、批归一化和 ReLU 在这里不计开销）；参数量在论文版中包括偏置，在 torchvision 版中包括批归一化的缩放和平移参数。宽度取自 Szegedy et al. 2015 的表 1；按比例缩放的降维宽度取整到整数个通道。',
  timeButton: '在此设备上为两者计时',
  timing: '正在为两个模块的一次前向传播计时…',
  timingIdle: '按下按钮，在浏览器中运行两个模块并计时。',
  ms: (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)),
  timed: (naive: string, chosen: string, measured: string, predicted: string, rounds: number) =>
    `此处实测（各运行 ${rounds} 次取中位数，批大小为 1）：朴素模块每次前向传播需要 ${naive} ms，当前模块需要 ${chosen} ms，${measured}；按乘加运算量预测应${predicted}。`,
  faster: (times: string) => `快 ${times} 倍`,
  slower: (times: string) => `耗时为 ${times} 倍`,
  timingCaption: '此设备上每个模块一次前向传播的实测时间',
  timingColumns: ['模块', '前向传播中位数（ms）', '乘加运算'] as const,
  timingRows: { naive: '朴素模块（无降维）', chosen: '当前模块' },
  dataSummary: '数据：图中绘制的数值',
  tableColumns: ['分支', '层', '输出通道', '参数量', 'MACs', '朴素模块参数量', '朴素模块 MACs'] as const,
  totalRow: '整个模块',
};
