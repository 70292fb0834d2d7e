import { afterEach, describe, expect, it, vi } from 'vitest';
import { onPrint } from '../../../src/components/print/on-print.ts';

type Step = 'beforeprint' | 'afterprint' | 'query on' | 'query off' | 'change on' | 'change off';

/**
 * Runs onPrint against a fake window: 'beforeprint'/'afterprint' fire those events, 'query on/off'
 * set what the print query reads now, 'change on/off' fire its change event with that value
 * (which may come late, when the query reads otherwise). Returns how many times the page is
 * prepared after each step (preparations minus undos).
 */
function run(steps: Step[]): number[] {
  const page = new EventTarget();
  const query = Object.assign(new EventTarget(), { matches: false });
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  vi.stubGlobal('matchMedia', () => query);
  let prepared = 0;
  onPrint(() => {
    prepared++;
    return () => prepared--;
  });
  return steps.map((step) => {
    if (step === 'beforeprint' || step === 'afterprint') page.dispatchEvent(new Event(step));
    else if (step.startsWith('query')) query.matches = step.endsWith('on');
    else query.dispatchEvent(Object.assign(new Event('change'), { matches: step.endsWith('on') }));
    return prepared;
  });
}

describe('onPrint', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it('prepares while print is emulated and undoes when it ends', () => {
    expect(run(['query on', 'change on', 'query off', 'change off'])).toEqual([0, 1, 1, 0]);
  });

  it('stays prepared through a PDF printed under emulation, re-preparing for it', () => {
    expect(run(['query on', 'change on', 'beforeprint', 'afterprint', 'query off', 'change off'])).toEqual([
      0, 1, 1, 1, 1, 0,
    ]);
  });

  it("undoes after Chromium's printToPDF, whose query changes arrive once the page is back on screen", () => {
    expect(run(['beforeprint', 'change on', 'afterprint', 'change off'])).toEqual([1, 1, 0, 0]);
  });

  it('undoes after a print dialog that ends while the query still matches, when the query turns off', () => {
    expect(run(['beforeprint', 'query on', 'change on', 'afterprint', 'query off', 'change off'])).toEqual([
      1, 1, 1, 1, 1, 0,
    ]);
  });
});
