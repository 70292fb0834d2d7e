import { describe, expect, it } from 'vitest';
import { zooAnalysis } from '../../../src/lib/models/figures.ts';
import { pytorchListing, UnlistableLayer } from '../../../src/lib/code/pytorch-listing.ts';
import { tfjsListing } from '../../../src/lib/code/tfjs-listing.ts';
import { valueNames } from '../../../src/lib/code/value-names.ts';
import { analyze, modelIds, type Analysis } from '../../../src/lib/models/index.ts';
import { gradientFlowNet } from '../../../src/lib/models/gradient-flow-net.ts';

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

describe('pytorchListing', () => {
  it('writes VGG-16 as an nn.Sequential with 13 Conv2d and 3 Linear modules, padding 1 on every 3×3', () => {
    const code = pytorchListing(zooAnalysis('vgg16'));
    expect(code).toContain('vgg16 = nn.Sequential(');
    expect(count(code, /nn\.Conv2d\(/g)).toBe(13);
    expect(count(code, /nn\.Conv2d\([^)]*kernel_size=3, padding=1\)/g)).toBe(13);
    expect(count(code, /nn\.Linear\(/g)).toBe(3);
    expect(code).toContain('nn.Linear(25088, 4096),  # classifier.0');
  });

  it('writes ResNet-18 as a module whose forward adds each shortcut (identity x or projection) to its residual branch', () => {
    const code = pytorchListing(zooAnalysis('resnet18'));
    expect(code).toContain('class Resnet18(nn.Module):');
    expect(count(code, / = self\.\w+\(/g)).toBeGreaterThan(0);
    expect(count(code, /# layer\d\.\d\.add/g)).toBe(8);
    expect(code).toContain('self.layer2_0_downsample_0 = nn.Conv2d(64, 128, kernel_size=1, stride=2, bias=False)');
    expect(code).toContain('x = residual + shortcut  # layer2.0.add');
    expect(code).toContain('x = residual + x  # layer1.0.add');
  });

  it('writes the option-A shortcut of a CIFAR ResNet as subsampling plus zero channels', () => {
    const code = pytorchListing(zooAnalysis('resnet20'));
    expect(code).toMatch(/F\.pad\(\w+\[:, :, ::2, ::2\], \(0, 0, 0, 0, 0, 16\)\)/);
  });

  it("writes PyTorch's LRN alpha as the paper's α times the window size", () => {
    const code = pytorchListing(zooAnalysis('alexnet_original'));
    expect(code).toContain('nn.LocalResponseNorm(5, alpha=0.0005, beta=0.75, k=2)');
  });

  it('writes an Inception module as four branches joined by torch.cat, in torchvision order', () => {
    const code = pytorchListing(zooAnalysis('googlenet'));
    expect(code).toContain('x = torch.cat([branch1, branch2, branch3, branch4], 1)  # inception3a.concat');
    expect(code).toContain('branch2 = self.inception3a_branch2_0_conv(x)');
    expect(code).toContain('self.inception3a_branch3_1_conv = nn.Conv2d(16, 32, kernel_size=3, padding=1, bias=False)');
    expect(code).toContain('nn.BatchNorm2d(64, eps=0.001)');
    expect(code).toContain('nn.MaxPool2d(kernel_size=3, stride=1, padding=1, ceil_mode=True)');
    expect(count(code, /torch\.cat\(/g)).toBe(9);
  });

  it("writes MobileNetV2's depthwise convs with groups and its ReLU6; DenseNet concatenates each layer's maps", () => {
    const mobilenet = pytorchListing(zooAnalysis('mobilenet_v2'));
    expect(mobilenet).toContain('nn.Conv2d(96, 96, kernel_size=3, stride=2, padding=1, groups=96, bias=False)');
    expect(mobilenet).toContain('nn.ReLU6()');
    const densenet = pytorchListing(zooAnalysis('densenet121'));
    expect(densenet).toContain('x = torch.cat([x, branch2], 1)  # features.denseblock1.denselayer1.concat');
    expect(count(densenet, /torch\.cat\(/g)).toBe(58);
  });

  it("refuses LeNet-5's own layers (scaled tanh, subsampling, RBF), naming the layer", () => {
    expect(() => pytorchListing(zooAnalysis('lenet5'))).toThrow(UnlistableLayer);
    expect(() => pytorchListing(zooAnalysis('lenet5'))).toThrow(/lenet5: C1\.act/);
  });
});

describe('tfjsListing', () => {
  it("writes VGG-16 as a tf.sequential with 13 'same' 3×3 conv2d layers and the input shape on the first", () => {
    const code = tfjsListing(zooAnalysis('vgg16'));
    expect(code).toContain('tf.sequential(');
    expect(count(code, /tf\.layers\.conv2d\(\{[^}]*kernelSize: 3, padding: 'same' \}\)/g)).toBe(13);
    expect(code).toContain('tf.layers.conv2d({ inputShape: [224, 224, 3], filters: 64');
    expect(count(code, /tf\.layers\.dense\(/g)).toBe(3);
  });

  it("pads ResNet-18's strided 7×7 and 3×3 convolutions explicitly, as PyTorch does, and builds a functional model", () => {
    const code = tfjsListing(zooAnalysis('resnet18'));
    expect(code).toContain('tf.layers.zeroPadding2d({ padding: 3 }).apply(input)');
    expect(code).toContain('const model = tf.model({ inputs: input, outputs:');
    expect(count(code, /tf\.layers\.add\(\)/g)).toBe(8);
  });

  it('refuses layers the Layers API lacks: grouped convolutions, option-A shortcuts', () => {
    expect(() => tfjsListing(zooAnalysis('alexnet_original'))).toThrow(UnlistableLayer);
    expect(() => tfjsListing(zooAnalysis('resnet20'))).toThrow(/option-A/);
    expect(() => tfjsListing(zooAnalysis('resnext50_32x4d'))).toThrow(/layer1\.0\.conv2 is a grouped convolution/);
  });

  it('pads a ceil-mode max pool below and to the right so floor-mode pooling gives the same size', () => {
    // GoogLeNet's maxpool1: 112 → ⌈(112 − 3)/2⌉ + 1 = 56, where floor mode gives 55: one more row and column.
    const googlenet = tfjsListing(zooAnalysis('googlenet'));
    expect(googlenet).toContain(
      'x = tf.layers.maxPooling2d({ poolSize: 3, strides: 2 }).apply(tf.layers.zeroPadding2d({ padding: [[0, 1], [0, 1]] }).apply(x)); // maxpool1',
    );
    // NiN's pool1: 32 → 16 instead of 15.
    expect(tfjsListing(zooAnalysis('nin'))).toContain('tf.layers.zeroPadding2d({ padding: [[0, 1], [0, 1]] })');
    // A stride-1 ceil-mode pool (an Inception module's branch 4) rounds nothing up: 'same' as before.
    expect(googlenet).toMatch(
      /maxPooling2d\(\{ poolSize: 3, strides: 1, padding: 'same' \}\)[^\n]*inception3a\.branch4\.0/,
    );
    for (const spec of ['googlenet', 'nin', 'squeezenet1_0']) {
      const analysis = zooAnalysis(spec);
      const lines = tfjsListing(analysis).split('\n');
      // Each listed max pool, as TF.js computes it (explicit zeros, then floor or 'same'), gives the zoo's output height.
      for (const layer of analysis.layers.filter((l) => l.kind === 'maxpool')) {
        const line = lines.filter((l) => l.endsWith(`// ${layer.id}`)).join(' ');
        const pool = /maxPooling2d\(\{ poolSize: (\d+), strides: (\d+)(, padding: 'same')? \}\)/.exec(line);
        const zeros = /zeroPadding2d\(\{ padding: (?:\[\[(\d+), (\d+)\]|(\d+) \})/.exec(line);
        const [k, stride, same] = [Number(pool?.[1]), Number(pool?.[2]), pool?.[3] !== undefined];
        const padded =
          Number(layer.inputShapes[0]?.[0]) + (zeros ? Number(zeros[1] ?? zeros[3]) + Number(zeros[2] ?? zeros[3]) : 0);
        const height = same ? Math.ceil(padded / stride) : Math.floor((padded - k) / stride) + 1;
        expect(height, `${spec} ${layer.id}: ${line}`).toBe(layer.outputShape[0]);
      }
    }
  });

  it('writes depthwise convolutions as depthwiseConv2d and joins branches with concatenate', () => {
    const mobilenet = tfjsListing(zooAnalysis('mobilenet_v2'));
    expect(mobilenet).toContain(
      "x = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', useBias: false }).apply(x); // features.1.conv.0.0",
    );
    expect(mobilenet).toContain("tf.layers.activation({ activation: 'relu6' })");
    expect(mobilenet).not.toContain('groups');
    const densenet = tfjsListing(zooAnalysis('densenet121'));
    expect(densenet).toContain(
      'x = tf.layers.concatenate().apply([x, branch2]); // features.denseblock1.denselayer1.concat',
    );
  });
});

describe('valueNames', () => {
  /** Replays a listing's assignments: every read must find the value it wants in its variable. */
  function replay(analysis: Analysis, reuseInput: boolean): void {
    const id = analysis.spec.id;
    const input = reuseInput ? 'x' : 'input';
    const names = valueNames(analysis, { input, reuseInput });
    const held = new Map<string, string>([[input, '<input>']]);
    for (const layer of analysis.layers) {
      for (const read of layer.inputIds.length === 0 ? ['<input>'] : layer.inputIds) {
        const variable = read === '<input>' ? input : (names.get(read) as string);
        expect(held.get(variable), `${id}: ${layer.id} reads ${read} from ${variable}`).toBe(read);
      }
      held.set(names.get(layer.id) as string, layer.id);
    }
    if (!reuseInput) expect(held.get(input)).toBe('<input>');
  }

  it.each(modelIds)('never overwrites a value of %s before its last read (Python and TF.js naming)', (id) => {
    replay(zooAnalysis(id), true);
    replay(zooAnalysis(id), false);
  });

  it('never overwrites a value of a pre-activation stack, whose block input is read by BN and by the add', () => {
    const spec = gradientFlowNet({
      depth: 8,
      width: 4,
      activation: 'relu',
      bn: true,
      skipEvery: 2,
      inputShape: [8, 8, 1],
      classes: 3,
    });
    replay(analyze(spec), true);
    replay(analyze(spec), false);
  });
});
