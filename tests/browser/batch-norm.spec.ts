import { expect, test } from '@playwright/test';
import { openTrainingWidget, stepShown } from './support/training.ts';

// The batch-norm experiment on /batch-norm/: the default run, trained in the worker on WASM, as a
// reader on a machine without a GPU would run it. One page load: the run, its verdict (worded from
// the live numbers) and the Data tables it leaves behind.

test('the default run trains on WASM to a verdict read off the live numbers, and the Data tables hold what is plotted', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const widget = page.locator('batch-norm-lab#batch-norm');
  await openTrainingWidget(page, widget, '/batch-norm/', 'backend=wasm');
  await expect(widget.locator('[data-summary]')).toContainText('Press Train');
  const train = widget.locator('[data-action="train"]');
  await train.click();
  await expect(train).toHaveText('Pause');
  await expect(widget.locator('[data-input="lr"]')).toBeDisabled();
  await expect.poll(() => stepShown(widget), { timeout: 240_000, intervals: [2_000] }).toBe(600);
  await expect(widget).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(widget.locator('[data-error]')).toBeHidden();
  await expect(widget.locator('.backend-badge')).toHaveAttribute('data-backend', 'wasm');

  // The verdict: the experiment's rule applied to this run (reproduced at the defaults, as the unit test checks headless).
  const summary = widget.locator('[data-summary]');
  await expect(summary).toContainText(
    /^Reproduced: batch norm reached 15% training error at step \d+, the plain net at step \d+|^Reproduced: batch norm reached 15% training error at step \d+; the plain net has not/,
  );
  await expect(summary).toContainText(/train mode minus eval mode: \+\d+\.\d points at step 20/);

  // Data: one row per check (every 20 steps) and per 20th training step; the gap column closes.
  const checks = widget.locator('[data-checks-table] tr');
  await expect(checks).toHaveCount(30);
  await expect(checks.first().locator('td, th').first()).toHaveText('20');
  const lastGap = await checks.last().locator('td').last().textContent();
  expect(Math.abs(Number((lastGap ?? '').replace('−', '-')))).toBeLessThan(5);
  await expect(widget.locator('[data-history-table] tr')).toHaveCount(30);
  await expect(widget.locator('[data-chart="modes"] svg > .bnx-bnEval .lc-line')).toHaveCount(1);
});
