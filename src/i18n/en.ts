/**
 * The site's own UI strings in English (Starlight's chrome has its own, in src/content/i18n).
 * Components read strings from here, so a translation is a sibling file with the same keys.
 */
export const en = {
  runtime: {
    badgeIdle: 'not run yet',
    badgeLabel: 'Compute backend',
    ranOn: (backend: string, ms: number) => `${backend} · ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
    fellBack: (from: string, to: string, reason: string) => `Ran on ${to} instead of ${from}: ${reason}.`,
    mainThread: 'No Web Worker could start here, so the network runs on the page itself and may feel slower.',
    skipped: (backend: string, reason: string) => `${backend} unavailable: ${reason}`,
    recovered: 'The GPU context was lost; the backend was rebuilt and the job re-run.',
    computing: 'Computing…',
    failed: (message: string) => `The computation failed: ${message}`,
  },
  runtimeCheck: {
    depthLabel: 'Residual blocks',
    caption:
      'The gradient of one output unit with respect to every input pixel, computed live in your browser. Deeper stacks spread it wider.',
    dataSummary: 'Data: gradient magnitude per input row',
    rowHeader: 'Input row',
    valueHeader: 'Σ |∂unit/∂input| over the row',
    triggerError: 'Ask for a unit outside the network (shows an error)',
  },
  rfExplorer: {
    title: 'Receptive-field explorer',
    controls: 'Explorer settings',
    depth: 'Depth',
    depthValue: (depth: number) => `${depth} conv layers`,
    downsample: 'Downsample twice (max pooling / stride 2)',
    kernel: 'Kernel size',
    kernelOption: (k: number) => `${k}×${k}`,
    init: 'Weights',
    initNames: { uniform: 'uniform positive (Luo et al.)', he: 'random (He init)' },
    inits: 'Average over random inits',
    initsUniform: 'Uniform weights are the same for every init: one pass is enough.',
    input: 'Input image',
    inputNames: { pattern: 'pen strokes (seeded)', noise: 'random pixels (new per init)' },
    nets: 'Networks',
    netsNames: { both: 'both', plain: 'plain only', residual: 'residual only' },
    netNames: { plain: 'Plain (VGG-style)', residual: 'Residual (ResNet-style)' },
    netShort: { plain: 'plain', residual: 'residual' },
    netDescription: {
      plain: (convs: number, downsample: boolean) =>
        `${convs} conv layers${downsample ? ', 2×2 max pooling after each stage' : ''}`,
      residual: (blocks: number, convs: number, downsample: boolean) =>
        `stem + ${blocks} blocks = ${convs} conv layers${downsample ? ', stride 2 at stages 2 and 3' : ''}`,
    },
    mapHint: 'Click or tap the map to pick a unit; with the map focused, the arrow keys move it.',
    mapPicker: (net: string) => `${net}: unit picker`,
    mapLabel: (net: string, unit: string, theoretical: number, effective: string) =>
      `${net}: unit ${unit}. Theoretical field ${theoretical}×${theoretical} px (box); effective size ${effective} px (dashed square) over the input.`,
    unitPosition: (row: number, col: number) => `(${row}, ${col})`,
    notMeasured: 'not yet measured',
    legendTheoretical: 'theoretical field',
    legendEffective: 'effective size (95% of the gradient)',
    legendUnit: 'the unit’s centre',
    caption:
      'Notice how the box (every pixel that can reach the unit) grows by the same step with every layer, while the bright blob (the pixels that actually move it, |∂unit/∂input|) widens only like √depth and stays far inside the box. With random weights, raise the number of inits and watch the average settle into a Gaussian.',
    definition:
      'Effective size: the side of the smallest square, centred on the unit’s field, that holds 95% of |∂unit/∂input| (averaged over the inits). σ: the standard deviation of that gradient mass about its centre.',
    chart: {
      title: 'Receptive-field size against depth',
      xAxis: 'depth (conv layers)',
      yAxis: 'size (px)',
      theoretical: (net: string) => `${net}: theoretical`,
      effective: (net: string) => `${net}: effective`,
      reference: 'c·√n (Luo et al.)',
      imageSide: (side: number) => `image side ${side} px`,
    },
    slope: (net: string, slope: string) => `${net}: σ ∝ depth^${slope}`,
    progress: (done: number, total: number) => `Computing… ${done} of ${total} passes`,
    deadUnit: (net: string) =>
      `${net}: no gradient reaches the input from this unit with these weights (a dead ReLU). Add inits or pick another unit.`,
    adjusted: (field: string, given: string, used: string) => `“${given}” is not a valid ${field}; using ${used}.`,
    fieldNames: {
      depth: 'depth',
      downsample: 'downsampling setting',
      kernel: 'kernel size',
      init: 'weight setting',
      inits: 'number of inits',
      input: 'input image',
      nets: 'choice of networks',
      unitY: 'unit row',
      unitX: 'unit column',
    },
    dataSummary: 'Data: the plotted numbers',
    dataCaption: 'Theoretical and effective receptive fields of the centre unit at each measured depth',
    dataUnitCaption: 'The chosen unit in the last layer',
    columns: {
      net: 'Network',
      layer: 'Layer',
      depth: 'Conv layers',
      unit: 'Unit (row, col)',
      theoretical: 'Theoretical size (px)',
      effective: 'Effective size (px)',
      sigma: 'σ (px)',
      support: 'Non-zero gradient (px)',
    },
    zoo: {
      legend: 'Model',
      caption:
        'Boxes: the field of each layer’s first (top-left) unit on the 224×224 input, one box per layer that widens it. The part outside the image is zero padding: Araujo et al.’s effective padding. The grid shows the last layer’s jump, the distance between neighbouring units’ fields.',
      label: (model: string, size: number) =>
        `${model}: receptive field of the first unit of every layer on a 224×224 input, growing to ${size}×${size} px`,
      image: (side: number) => `${side}×${side} input`,
      last: (id: string, size: number) => `${id}: ${size} px`,
      dataSummary: (model: string) => `Data: ${model}, layer by layer`,
      columns: {
        layer: 'Layer',
        window: 'Kernel / stride / padding',
        output: 'Output',
        size: 'Field (px)',
        jump: 'Jump (px)',
        start: 'Centre of unit 0',
        padding: 'Effective padding (px)',
      },
      kinds: { conv: 'conv', maxpool: 'max pool', avgpool: 'avg pool', subsample: 'subsample' },
    },
  },
  gradientFlow: {
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
    wasmNote:
      'This backend (WASM) has no weight gradients (Conv2DBackpropFilter), so the explorer shows activation gradients ‖∂L/∂h‖ only.',
    underflow: '0 (underflow)',
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
  },
  embed: {
    from: 'From',
    chapterLink: (chapter: string) => `CNN Lineage: ${chapter}`,
    share: 'Share or embed',
    linkLabel: 'Link to this view',
    snippetLabel: 'Embed code (iframe)',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Select the text and copy it yourself',
    hideLegend: 'Hide controls in the embed',
    preview: 'Preview',
  },
} as const;

/** The strings type every language implements. */
export type UiStrings = typeof en;
