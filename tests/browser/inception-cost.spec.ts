import { expect, test } from '@playwright/test';
import { compareInception } from '../../src/lib/models/inception-cost.ts';

// The Inception-cost widget on /inception/: one page load, then the paths a reader takes with
// mouse and keyboard. The figures it prints are the zoo's (tests/unit/models/inception-cost.test.ts);
// here the browser must show the ones for the state it is in, and keep that state in the address.

const exact = (n: number): string => n.toLocaleString('en-US');

test('the Inception-cost widget follows its controls, keyboard included, and keeps its state in the address', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/inception/');
  const widget = page.locator('inception-cost#inception-cost');
  const totalRow = widget.locator('[data-cost-table] tr').last();
  // Before the script runs, the build-time view is already the default's: Table 1's reductions, paper form.
  const paper = compareInception({ module: 'inception3a', form: 'paper', reduce: '1' });
  await expect(totalRow).toContainText(exact(paper.chosen.macs));
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-state', 'ready');

  // Keyboard on the slider: Home is "none", the naïve module; its pool branch passes 192 channels on.
  const slider = widget.locator('input[data-input="reduce"]');
  await slider.focus();
  await page.keyboard.press('Home');
  const naive = compareInception({ module: 'inception3a', form: 'paper', reduce: 'none' }).chosen;
  await expect(totalRow).toContainText(exact(naive.macs));
  await expect(slider).toHaveAttribute('aria-valuetext', /naïve/);
  await expect(widget.locator('[data-summary]')).toContainText(`${naive.channels} channels`);
  // End is 4 × Table 1; two presses of ArrowLeft go back to Table 1.
  await page.keyboard.press('End');
  await expect(totalRow).toContainText(
    exact(compareInception({ module: 'inception3a', form: 'paper', reduce: '4' }).chosen.macs),
  );
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(totalRow).toContainText(exact(paper.chosen.macs));

  // Another module and torchvision's form: the figures are the zoo's GoogLeNet module.
  await widget.locator('select[data-control="module"]').selectOption('inception4e');
  await widget.locator('select[data-control="form"]').selectOption('torchvision');
  const torchvision = compareInception({ module: 'inception4e', form: 'torchvision', reduce: '1' }).chosen;
  await expect(totalRow).toContainText(exact(torchvision.macs));
  await expect(widget.locator('.pb-chart title')).toContainText('inception4e');
  await expect
    .poll(() => new URL(page.url()).search)
    .toMatch(/inc\.module=inception4e.*inc\.form=torchvision|inc\.form=torchvision.*inc\.module=inception4e/);

  // A reload at that address shows the same state, from the URL.
  await page.reload();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-state', 'ready');
  await expect(widget.locator('select[data-control="module"]')).toHaveValue('inception4e');
  await expect(totalRow).toContainText(exact(torchvision.macs));

  // Timing runs both modules in the worker; a double click starts one run, and the result names both.
  const time = widget.locator('button[data-action="time"]');
  await time.dblclick();
  await expect(time).toBeDisabled();
  await expect(widget.locator('[data-timing]')).toContainText('Measured here', { timeout: 60_000 });
  await expect(widget).toHaveAttribute('data-state', 'ready');
  await expect(widget.locator('[data-timing-table] tr')).toHaveCount(2);
  await expect(widget.locator('.backend-badge')).not.toHaveAttribute('data-backend', '');
  // Changing the configuration clears a measurement that no longer applies.
  await widget.locator('select[data-control="metric"]').selectOption('params');
  await expect(widget.locator('[data-timing-table] tr')).toHaveCount(0);
  await expect(time).toBeEnabled();
  expect(errors).toEqual([]);
});
