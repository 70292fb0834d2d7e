/** English UI strings: gradientFlow. One module per section, so a page's scripts carry only the strings they use. */
export const gradientFlow = {
  controls: 'Gradient-flow settings',
  depthValue: (depth: number) => `${depth} layers`,
  presets: 'Classic stories',
  presetNames: {
    vanishing: 'Sigmoid + naive init: vanishing',
    stable: 'ReLU + He init: stable plain net',
    resnet56: 'Plain-56 vs ResNet-56 depth',
  },
  activationNames: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' },
  initNames: { naive: 'naive N(0, 0.01²)', glorot: 'Glorot (Xavier)', he: 'He (Kaiming)' },
  normNames: { activation: '‖∂L/∂h‖ (activations)', weight: '‖∂L/∂W‖ (weights)', both: 'both' },
  netNames: { plain: 'Plain', residual: 'Residual twin' },
  normsChart: {
    title: 'Gradient norm per layer, at initialisation',
    xLabel: 'layer l (1 = first convolution)',
    yLabel: 'gradient norm (log scale)',
    series: (net: string, norm: 'activation' | 'weight') => `${net}: ‖∂L/∂${norm === 'activation' ? 'h' : 'W'}‖`,
  },
  ratioChart: {
    title: 'First-to-last gradient ratio against depth',
    xLabel: 'depth (weight layers)',
    yLabel: '‖∂L/∂h₁‖ / ‖∂L/∂h_L‖',
    threshold: '10⁻³',
  },
  shatterChart: {
    title: 'Correlation of neighbouring inputs’ gradients against depth (shattering)',
    xLabel: 'depth (weight layers)',
    yLabel: 'correlation',
  },
  summaryRatio: (net: string, ratio: string) => `${net}: ‖∂L/∂h₁‖ / ‖∂L/∂h_L‖ = ${ratio}`,
  summaryBelow: (depth: number | null, max: number) =>
    depth === null
      ? `The plain net’s ratio stays above 10⁻³ at every depth measured, up to ${max} layers.`
      : `The plain net’s ratio first drops below 10⁻³ at ${depth} layers (of the depths measured).`,
  summaryBelowPending: 'Measuring the depth sweep…',
  sweepProgress: (done: number, total: number) => `Depth sweep: ${done} of ${total} depths`,
  noWeightGradientsNote:
    'This backend has no weight gradients (Conv2DBackpropFilter), so the explorer shows activation gradients ‖∂L/∂h‖ only.',
  noGradient: 'no gradient',
  caption:
    'Each line is a real network, initialised at random and run forward and backward in your browser on a batch of 8 generated images (random pixels, random labels). Watch the left end of the plain line: that is how much gradient reaches the first layers. With sigmoid and naive init it vanishes exponentially with depth; the residual twin, the same weights with identity shortcuts, keeps it.',
  definition:
    'Network: a 3×3 convolution (stride 2, 16 channels) then depth − 2 pre-activation layers ([BN →] activation → 3×3 conv, 16 channels at 8×8), global average pooling and a dense layer to 10 classes. The residual twin adds an identity shortcut around every k convolutions (He et al. 2016b). Shattering: the mean correlation between the input gradients of neighbouring points on a line of 32 inputs (Balduzzi et al. 2017).',
  dataSummary: 'Data: the plotted numbers',
  layersCaption: 'Gradient norms per layer at the current depth',
  sweepCaption: 'Depth sweep: first-to-last ratio and neighbouring-gradient correlation',
  columns: {
    layer: 'Layer',
    depth: 'Depth',
    plainH: 'Plain ‖∂L/∂h‖',
    residualH: 'Residual ‖∂L/∂h‖',
    plainW: 'Plain ‖∂L/∂W‖',
    residualW: 'Residual ‖∂L/∂W‖',
    plainRatio: 'Plain ratio',
    residualRatio: 'Residual ratio',
    plainCorrelation: 'Plain correlation',
    residualCorrelation: 'Residual correlation',
  },
} as const;
