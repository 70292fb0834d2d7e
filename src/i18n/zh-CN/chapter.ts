/**
 * 简体中文 strings of the chapter components (src/components/chapter/*, Cite), typed against the
 * English section. Terms follow docs/terminology.zh-CN.md; the arithmetic box's anchors are the
 * slugs of the headings of src/content/docs/zh-cn/conv-arithmetic.mdx (the link check verifies them).
 */
import type { ChapterStrings } from '../en/chapter.ts';

export const chapter: ChapterStrings = {
  numberLocale: 'zh-CN',
  learningGoals: '学完本章，你将能够',
  tryThis: {
    label: '动手试试',
    open: (title, summary) => `打开“${title}”：${summary}`,
    on: '开',
    off: '关',
    labelValue: (label, value) => `${label} ${value}`,
    separator: '，',
    widgets: {
      architecture: {
        title: '架构图',
        params: { model: '模型', encoding: '方框宽度', expand: '阶段' },
      },
      'receptive-field': {
        title: '感受野探索器',
        params: {
          depth: '深度',
          downsample: '下采样',
          kernel: '卷积核大小',
          init: '初始化',
          inits: '平均的随机初始化次数',
          input: '输入图像',
          nets: '显示的网络',
          unitY: '单元所在行',
          unitX: '单元所在列',
        },
      },
      'gradient-flow': {
        title: '梯度流探索器',
        params: {
          depth: '深度',
          activation: '激活函数',
          init: '初始化',
          bn: '批归一化',
          skips: '跳跃连接',
          every: '跳跃间隔（层）',
          norm: '绘制的梯度',
        },
      },
      'skip-lab': {
        title: '跳跃连接实验',
        params: {
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
        params: { model: '网络', digit: '测试数字' },
      },
      'relu-tanh': {
        title: 'ReLU 与 tanh 对比',
        params: {
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
        title: '批归一化实验',
        params: { lr: '学习率', batch: '批大小', seed: '随机种子', steps: '训练步数' },
      },
      'inception-cost': {
        title: 'Inception 模块开销',
        params: { module: '模块', form: '形式', reduce: '1×1 降维', metric: '柱形表示' },
      },
      'your-network': {
        title: '你自己的网络',
        params: { model: '模型', zoo: '模型库中的模型', layer: '有效感受野的层' },
      },
    },
  },
  quiz: {
    label: '小测验',
    showAnswer: '显示答案',
    kinds: { calculation: '计算', prediction: '预测', recall: '回忆' },
  },
  timeline: '时间线',
  arithmeticBox: {
    title: ['本章用到的', '卷积算术', ''],
    page: '/zh-cn/conv-arithmetic/',
    topics: {
      'output-size': { anchor: '输出尺寸', heading: '输出尺寸', formula: 'o = ⌊(i + 2p − k) / s⌋ + 1' },
      padding: { anchor: '填充', heading: '填充', formula: '步幅为 1 时保持尺寸（same）：p = (k − 1) / 2' },
      stride: { anchor: '步幅', heading: '步幅', formula: '使用 same 填充时，o = ⌈i / s⌉' },
      dilation: { anchor: '空洞', heading: '空洞', formula: '等效卷积核 k + (k − 1)(d − 1)' },
      parameters: { anchor: '参数量', heading: '参数量', formula: 'k·k·(C_in / g)·C_out + C_out' },
      macs: { anchor: '乘加运算', heading: '乘加运算', formula: 'o·o·k·k·(C_in / g)·C_out' },
      groups: {
        anchor: '分组卷积与深度卷积',
        heading: '分组卷积与深度卷积',
        formula: '分成 g 组，权重和乘加运算都除以 g',
      },
      memory: { anchor: '激活内存', heading: '激活内存', formula: 'h·w·c 个值 × 4 字节（float32）× 批大小' },
    },
  },
  workedExample: {
    label: (model, layers) => `算例：${model}，${layers}`,
    output: ['，输出为 ', ''],
    params: ' 个参数',
    macs: ' 次乘加运算（每个样本）',
    values: ' 个值',
    memory: (values, bytes, batch) => `${values} 个值 × ${bytes} 字节（float32）× 批大小 ${batch} = `,
  },
  dilationStack: {
    caption: (name, input) => `${name}，输入为 ${input}，每层的填充等于其空洞率`,
    headers: ['层', '空洞率 d', '填充 p', '等效卷积核', '输出', '感受野', '参数量'],
  },
  modelCode: {
    show: (tfjsLines, pytorchLines) => `代码：TF.js（${tfjsLines} 行）与 PyTorch（${pytorchLines} 行）`,
    caption: (name) => `${name} 的代码，由本站的模型库生成；本页的图和数字也来自同一份规格。`,
    layouts: '两份代码构建相同的层；TF.js 按 高 × 宽 × 通道 存储图像，PyTorch 按 通道 × 高 × 宽。',
  },
  recorded: {
    moreThan: (steps) => `超过 ${steps}`,
  },
  cite: {
    page: (p) => `第 ${p} 页`,
    section: (s) => `§${s}`,
    table: (t) => `表 ${t}`,
    figure: (f) => `图 ${f}`,
    separator: ', ',
  },
};
