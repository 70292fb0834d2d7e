import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatCount } from '../../src/lib/models/report.ts';
import { getModel } from '../../src/lib/models/zoo.ts';
import { analyze } from '../../src/lib/models/analyze.ts';
import { parseModel } from '../../src/lib/parse/index.ts';
import { axeViolations, recordPageErrors } from './support/site.ts';

// The Your-network widget on /your-network/, in two page loads: the reader's paste, edit, error and
// share on the first; the shared link, keyboard loading and the live effective receptive field
// (a tiny network on WASM) on the second. The figures are the zoo's and the parsers' (their unit
// tests check them against torchvision); here the browser must show them and follow every edit.

const RESNET18 = readFileSync('tests/fixtures/pytorch/resnet18.txt', 'utf8');
const TINYNET = readFileSync('tests/fixtures/pytorch/tinynet.txt', 'utf8');
const CONV1 = 'Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)';
const CONV1_3X3 = 'Conv2d(3, 64, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)';

const widget = (page: Page): Locator => page.locator('your-network#your-network');
/** The value of the totals entry whose label starts with `label`. */
const total = (page: Page, label: string): Locator =>
  widget(page)
    .locator('[data-totals] div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}`) }) })
    .locator('dd');
/** The table row of layer `id`. */
const row = (page: Page, id: string): Locator =>
  widget(page)
    .locator('[data-layer-rows] tr')
    .filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${id.replaceAll('.', '\\.')}$`) }) });

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-state', 'ready');
}

test('Your network: paste, edit, error, share, keyboard and a live effective receptive field', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const errors = recordPageErrors(page);
  await open(page, '/your-network/?backend=wasm');
  const editor = widget(page).locator('textarea[data-input="text"]');

  // The real print of torchvision's resnet18 gives the zoo's parameters and MACs.
  const zoo = analyze(getModel('resnet18'));
  await editor.fill(RESNET18);
  await expect(widget(page).locator('[data-detected]')).toContainText('PyTorch');
  await expect(total(page, 'Parameters')).toHaveText(formatCount(zoo.params));
  await expect(total(page, 'Multiply-accumulates')).toHaveText(formatCount(zoo.macs));
  await expect(row(page, 'conv1').locator('td').nth(3)).toHaveText('112×112×64');

  // One kernel size edited: the table and the diagram follow.
  const edited = RESNET18.replace(CONV1, CONV1_3X3);
  const expected = parseModel(edited);
  if (!expected.ok) throw expected.error;
  const diagram = widget(page).locator('[data-diagram] svg');
  await expect(diagram).toContainText('conv7-64, /2');
  await editor.fill(edited);
  await expect(row(page, 'conv1').locator('td').nth(4)).toHaveText(formatCount(3 * 3 * 3 * 64));
  await expect(total(page, 'Parameters')).toHaveText(formatCount(expected.analysis.params));
  await expect(total(page, 'Multiply-accumulates')).toHaveText(formatCount(expected.analysis.macs));
  await expect(diagram).toContainText('conv3-64, /2');
  await expect(diagram).not.toContainText('conv7-64, /2');
  await expect.poll(() => new URL(page.url()).searchParams.get('net.model') ?? '').toMatch(/^t[A-Za-z0-9_-]+$/);
  expect(await axeViolations(page)).toEqual([]);

  // Text that does not parse: the error at its line and column, the last model kept, and the
  // "Show in the editor" button (by keyboard) puts the caret there.
  const broken = edited.replace(
    CONV1_3X3,
    'Conv2d(3, 64, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=Fals',
  );
  await editor.fill(broken);
  const errorBox = widget(page).locator('[data-parse-error]');
  await expect(errorBox).toBeVisible();
  await expect(errorBox).toContainText(/Line 2, column \d+/);
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 'conv1').locator('td').nth(4)).toHaveText(formatCount(3 * 3 * 3 * 64));
  await errorBox.locator('button[data-action="show-error"]').focus();
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  const caret = await editor.evaluate(
    (e: HTMLTextAreaElement) => e.value.slice(0, e.selectionStart).split('\n').length,
  );
  expect(caret).toBe(2);
  await editor.fill(edited);
  await expect(errorBox).toBeHidden();

  // Share: the link rebuilds the same model on a new page.
  await page.locator('.share-embed summary').first().click();
  // The panel fills its fields on its toggle event, which comes after the click.
  await expect(page.locator('[data-share-link]').first()).not.toHaveValue('');
  const link = await page.locator('[data-share-link]').first().inputValue();
  expect(link).toContain('net.model=t');
  const shared = await context.newPage();
  const sharedErrors = recordPageErrors(shared);
  await open(shared, link);
  await expect(total(shared, 'Parameters')).toHaveText(formatCount(expected.analysis.params));
  await expect(total(shared, 'Multiply-accumulates')).toHaveText(formatCount(expected.analysis.macs));
  await expect(row(shared, 'conv1').locator('td').nth(4)).toHaveText(formatCount(3 * 3 * 3 * 64));
  await shared.close();

  // Keyboard: load a zoo model from the select and its button.
  const vgg11 = analyze(getModel('vgg11'));
  await widget(page).locator('select[data-input="zoo"]').focus();
  await widget(page).locator('select[data-input="zoo"]').selectOption('vgg11');
  await page.keyboard.press('Tab');
  await expect(widget(page).locator('button[data-action="load-zoo"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(total(page, 'Parameters')).toHaveText(formatCount(vgg11.params));
  await expect.poll(() => new URL(page.url()).searchParams.get('net.zoo')).toBe('vgg11');

  // The effective receptive field of a tiny network at 32×32, on WASM: Cancel stops a run, a
  // second run finishes, and its theoretical field is the table's.
  // A model that states its input size gets it while the reader has not typed a size of their own.
  const shapeField = widget(page).locator('input[data-input="shape"]');
  await editor.fill('input 1x28x28\nconv 4 kernel=5\nrelu\nflatten\ndense 10\n');
  await expect(total(page, 'Input')).toHaveText('1×28×28');
  await expect(shapeField).toHaveValue('1×28×28');
  await editor.fill(TINYNET);
  await expect(total(page, 'Input')).toHaveText('3×224×224');
  await shapeField.fill('3×32×32');
  await expect(total(page, 'Input')).toHaveText('3×32×32');
  await expect(widget(page).locator('[data-warnings] li')).toHaveCount(2);
  const layer = widget(page).locator('select[data-input="erf-layer"]');
  await layer.selectOption('blocks.2');
  const measure = widget(page).locator('button[data-action="erf"]');
  const cancel = widget(page).locator('button[data-action="erf-cancel"]');
  // Cancel pressed at once (in the same task as Measure, so the tiny run cannot finish first).
  await widget(page).evaluate((root) => {
    root.querySelector<HTMLButtonElement>('button[data-action="erf"]')!.click();
    root.querySelector<HTMLButtonElement>('button[data-action="erf-cancel"]')!.click();
  });
  await expect(widget(page).locator('[data-erf-text]')).toHaveText('Measurement cancelled.');
  await expect(cancel).toBeHidden();
  await expect(widget(page).locator('[data-erf-progress]')).toBeHidden();
  await expect(measure).toBeFocused();
  await page.waitForTimeout(300);
  await expect(widget(page).locator('[data-erf-text]')).toHaveText('Measurement cancelled.');
  await page.keyboard.press('Enter');
  await expect(widget(page).locator('[data-erf-text]')).toContainText('Centre unit of blocks.2', { timeout: 60_000 });
  const field = await row(page, 'blocks.2').locator('td').nth(6).textContent();
  await expect(widget(page).locator('[data-erf-table] td').nth(2)).toHaveText(field ?? '');
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(widget(page).locator('[data-erf-map]')).toBeVisible();
  expect(errors).toEqual([]);
  expect(sharedErrors).toEqual([]);
});
