/** Shared steps of the training widgets' browser tests (skip-connection lab, ReLU vs tanh). */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens `path` with `query` at a phone-sized viewport, scrolls to `widget` and waits until its Train button works. */
export async function openTrainingWidget(page: Page, widget: Locator, path: string, query: string): Promise<void> {
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`${path}?debug=runtime&${query}`);
  await widget.scrollIntoViewIfNeeded();
  // Train stays disabled until the interactive part has loaded.
  await expect(widget.locator('[data-action="train"]')).toBeEnabled({ timeout: 30_000 });
}

/** The step count `widget`'s status line reports, or 0. */
export async function stepShown(widget: Locator): Promise<number> {
  const text = (await widget.locator('[data-training-status]').textContent()) ?? '';
  const match = /Step (\d+) of|Finished: (\d+)/.exec(text);
  return Number(match?.[1] ?? match?.[2] ?? 0);
}

/** Presses `widget`'s Train button while it trains (Pause) and checks that training stops; returns the step it stopped at. */
export async function pauseAndCheck(page: Page, widget: Locator): Promise<number> {
  await widget.locator('[data-action="train"]').click();
  await expect(widget.locator('[data-action="train"]')).toHaveText('Resume');
  await expect(widget).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const paused = await stepShown(widget);
  await page.waitForTimeout(1500);
  expect(await stepShown(widget)).toBe(paused);
  await expect(widget.locator('[data-training-status]')).toContainText('Paused');
  return paused;
}
