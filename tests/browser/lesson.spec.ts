import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/site.ts';

// Lesson links, as an instructor makes one and a class plays it: the builder on the instructors'
// page writes the link; the embed shows the steps with Previous/Next, each step in its own state.

/** The value of the gradient-flow explorer's `key` control. */
function control(page: Page, key: string) {
  return page.locator(
    `.widget-root[data-widget="gradient-flow"] :is(input, select):is([data-input="${key}"], [data-control="${key}"])`,
  );
}

test('a three-step lesson link from the builder plays through, by mouse and keyboard', async ({ page }) => {
  await page.goto('/embedding/');
  const builder = page.locator('lesson-builder');
  await builder.scrollIntoViewIfNeeded();
  // Step 2's state pasted from a chapter's Share link (prefixed keys), with one value the widget cannot take.
  const step2 = builder.getByLabel('Step 2: state (a Share link or key=value&…)');
  await step2.fill('https://example.org/vanishing-gradients/?flow.depth=30&flow.activation=swish#gradient-flow');
  await expect(builder.locator('[data-lesson-notices] li')).toHaveCount(1);
  await expect(builder.locator('[data-lesson-notices] li')).toContainText('activation');
  await builder.getByLabel('Step 2: title').fill('Sigmoid, <b>30</b> layers');
  const link = await builder.getByLabel('Lesson link').inputValue();
  const url = new URL(link);
  expect(url.pathname).toBe('/embed/gradient-flow/');
  expect(url.searchParams.get('depth')).toBe('8');
  expect(await builder.getByLabel('Embed code').inputValue()).toContain(url.search.replaceAll('&', '&amp;'));

  await page.goto(`${url.pathname}${url.search}`);
  const bar = page.getByRole('navigation', { name: 'Lesson steps' });
  await expect(bar).toContainText('Step 1 of 3');
  await expect(bar).toContainText('Sigmoid, 8 layers');
  await expect(control(page, 'depth')).toHaveValue('8');
  await expect(bar.locator('.lesson-prev')).toHaveAttribute('aria-disabled', 'true');

  await bar.getByRole('link', { name: 'Next step →' }).click();
  await expect(bar).toContainText('Step 2 of 3');
  // The pasted title is text, not markup.
  await expect(bar.locator('strong')).toHaveText('Sigmoid, <b>30</b> layers');
  await expect(control(page, 'depth')).toHaveValue('30');
  await expect(control(page, 'activation')).toHaveValue('sigmoid');

  // By keyboard: Tab reaches Next, Enter follows it.
  await bar.getByRole('link', { name: 'Next step →' }).focus();
  await page.keyboard.press('Enter');
  await expect(bar).toContainText('Step 3 of 3');
  await expect(control(page, 'depth')).toHaveValue('56');
  await expect(control(page, 'activation')).toHaveValue('relu');
  await expect(bar.locator('.lesson-next')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator('.widget-root[data-widget="gradient-flow"] [data-state="error"]')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  await bar.getByRole('link', { name: '← Previous step' }).click();
  await expect(bar).toContainText('Step 2 of 3');
  await expect(control(page, 'depth')).toHaveValue('30');
});

test('a broken lesson link still opens the widget, and says what it ignored', async ({ page }) => {
  await page.goto('/embed/gradient-flow/?depth=12&lesson=%5B%5B%22x%22&step=9');
  await expect(control(page, 'depth')).toHaveValue('12');
  await expect(page.getByRole('navigation', { name: 'Lesson steps' })).toHaveCount(0);
  await expect(page.locator('[data-embed-notices] li')).toContainText(['Ignored lesson=']);
});
