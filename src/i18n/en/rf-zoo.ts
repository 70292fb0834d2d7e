/** English UI strings: rfZoo, the receptive fields of a zoo model's layers (RfZoo.astro, drawn at build time). */
export const rfZoo = {
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
} as const;
