import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { googlenet } from '../../../src/lib/models/googlenet.ts';
import { inceptionConfigs, inceptionNames } from '../../../src/lib/models/inception-widths.ts';
import { inceptionInput, inceptionModuleCost } from '../../../src/lib/models/inception-cost.ts';
import { TORCHVISION_FORM } from '../../../src/lib/models/inception-module.ts';

const zoo = analyze(googlenet);
const PAPER = { kernel5: 5, reduce: true, style: 'paper' } as const;
const NAIVE = { kernel5: 5, reduce: false, style: 'paper' } as const;

describe('inceptionModuleCost', () => {
  it.each(inceptionNames)("%s in torchvision's form equals the zoo's GoogLeNet module, input and all", (name) => {
    const own = zoo.layers.filter((l) => l.layer.group?.[0] === name);
    const cost = inceptionModuleCost(name, TORCHVISION_FORM);
    expect(cost.params).toBe(own.reduce((s, l) => s + l.params, 0));
    expect(cost.macs).toBe(own.reduce((s, l) => s + l.macs, 0));
    expect(cost.input).toEqual(own[0]!.inputShapes[0]);
    expect(inceptionInput(name)).toEqual(own[0]!.inputShapes[0]);
    expect([cost.channels]).toEqual([zoo.layers.find((l) => l.id === `${name}.concat`)!.outputShape[2]]);
  });

  it.each(inceptionNames)(
    "%s in the paper's form costs h·w·Σ k²·c_in·c_out MACs and Σ (k²·c_in + 1)·c_out parameters",
    (name) => {
      const [h, w, c] = inceptionInput(name);
      const [ch1, r3, ch3, r5, ch5, proj] = inceptionConfigs[name];
      // [k, c_in, c_out] of the six convolutions of Fig. 2(b).
      const convs = [
        [1, c, ch1],
        [1, c, r3],
        [3, r3, ch3],
        [1, c, r5],
        [5, r5, ch5],
        [1, c, proj],
      ] as const;
      const cost = inceptionModuleCost(name, PAPER);
      expect(cost.macs).toBe(h * w * convs.reduce((s, [k, i, o]) => s + k * k * i * o, 0));
      expect(cost.params).toBe(convs.reduce((s, [k, i, o]) => s + (k * k * i + 1) * o, 0));
      expect(cost.channels).toBe(ch1 + ch3 + ch5 + proj);
    },
  );

  it("the naïve module's pool branch passes every input channel, so its output grows (Szegedy et al. §4)", () => {
    const cost = inceptionModuleCost('inception3a', NAIVE);
    const [h, w, c] = inceptionInput('inception3a');
    const [ch1, , ch3, , ch5] = inceptionConfigs.inception3a;
    expect(cost.channels).toBe(ch1 + ch3 + ch5 + c);
    expect(cost.branches[3]).toEqual({ branch: 4, params: 0, macs: 0, channels: c });
    expect(cost.branches[2]!.macs).toBe(h * w * 25 * c * ch5);
  });

  it('the 1×1 reduction cuts the 5×5 branch of every module by a factor of at least 5', () => {
    for (const name of inceptionNames) {
      const naive = inceptionModuleCost(name, NAIVE).branches[2]!.macs;
      const reduced = inceptionModuleCost(name, PAPER).branches[2]!.macs;
      expect(naive / reduced, name).toBeGreaterThan(5);
    }
  });

  it('custom widths change only their branch', () => {
    const base = inceptionModuleCost('inception4a', PAPER);
    const [ch1, r3, ch3, , ch5, proj] = inceptionConfigs.inception4a;
    const wide = inceptionModuleCost('inception4a', PAPER, [ch1, r3, ch3, 64, ch5, proj]);
    expect(wide.branches.filter((b, i) => b.macs !== base.branches[i]!.macs).map((b) => b.branch)).toEqual([3]);
  });
});
