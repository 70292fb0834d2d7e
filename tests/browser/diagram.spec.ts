import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { analyze } from '../../src/lib/models/analyze.ts';
import { formatCount, formatShape } from '../../src/lib/models/report.ts';
import { diagramSpec } from '../../src/lib/models/diagram-models.ts';
import { axeViolations, recordPageErrors } from './support/site.ts';

/** The figure drawing `uid` (e.g. "arch-vgg16"), scrolled into view. */
async function figure(page: Page, path: string, uid: string): Promise<Locator> {
  await page.goto(path, { waitUntil: 'networkidle' });
  const root = page.locator(`cnn-diagram[data-uid="${uid}"]`);
  await root.scrollIntoViewIfNeeded();
  return root;
}

/** The SVG node drawing layer or group `id` (found through the Data table for layers). */
async function node(root: Locator, id: string): Promise<Locator> {
  const row = root.locator('tr[data-node]', {
    has: root.page().locator('th', { hasText: new RegExp(`^${id.replace(/\./g, '\\.')}$`) }),
  });
  const index = await row.first().getAttribute('data-node');
  return root.locator(`svg.arch-svg [data-node="${index}"]`);
}

/** The panel's value for `label` ("Output", "Parameters", …). */
function panelValue(root: Locator, label: string): Locator {
  return root
    .locator('[data-panel-rows] dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

const focusedNode = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null);

test('hovering a VGG-16 layer shows its shapes, params and MACs with their shares in the details panel', async ({
  page,
}) => {
  const errors = recordPageErrors(page);
  const root = await figure(page, '/vgg/', 'arch-vgg16');
  const layer = analyze(diagramSpec('vgg16')).layers.find((l) => l.id === 'features.10')!;
  await (await node(root, 'features.10')).hover();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(root.locator('[data-panel-title]')).toHaveText('conv3-256');
  await expect(panelValue(root, 'Input')).toHaveText(formatShape(layer.inputShapes[0]!));
  await expect(panelValue(root, 'Output')).toHaveText(formatShape(layer.outputShape));
  await expect(panelValue(root, 'Parameters')).toContainText(formatCount(layer.params));
  await expect(panelValue(root, 'MACs')).toContainText(formatCount(layer.macs));
  await expect(panelValue(root, 'Receptive field')).toHaveText(
    `${layer.receptiveField!.size[0]} / ${layer.receptiveField!.jump[0]} px (size / jump)`,
  );
  await expect(root.locator('[data-thumb]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('keyboard: Tab reaches one layer, arrow keys and Home/End move a single roving tab stop', async ({ page }) => {
  const root = await figure(page, '/vgg/', 'arch-vgg16');
  await root.locator('button[data-download="png"]').focus();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await page.keyboard.press('Tab');
  const first = await focusedNode(page);
  expect(first).not.toBeNull();
  await expect(root.locator('svg [data-node][tabindex="0"]')).toHaveCount(1);
  // The first stop is the top row: the expanded "features" group's header.
  await expect(root.locator('[data-panel-title]')).toHaveText('features · 5 blocks');

  await page.keyboard.press('ArrowDown');
  const second = await focusedNode(page);
  expect(second).not.toBe(first);
  await expect(root.locator(`svg [data-node="${second}"]`)).toHaveAttribute('tabindex', '0');
  await expect(root.locator('svg [data-node][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('End');
  await expect(root.locator('[data-panel-title]')).toHaveText('FC-1000');
  await page.keyboard.press('Home');
  expect(await focusedNode(page)).toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await focusedNode(page)).toBe(first);

  // Tab leaves the diagram: the layers are one tab stop.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('svg') === null)).toBe(true);
});

test('Enter on a collapsed ResNet-50 block expands it with its skip arc, and Enter again collapses it', async ({
  page,
}) => {
  const root = await figure(page, '/resnet/', 'arch-resnet50');
  const block = root.locator('svg [data-node]', { hasText: /^layer2\.0 ·/ }).first();
  await block.hover();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(block).toHaveAttribute('role', 'button');
  await expect(block).toHaveAttribute('aria-expanded', 'false');
  const conv = await node(root, 'layer2.0.conv1');
  await expect(conv).toHaveCount(0);

  await block.focus();
  await page.keyboard.press('Enter');
  await expect(block).toHaveAttribute('aria-expanded', 'true');
  await expect(conv).toBeVisible();
  await expect(await node(root, 'layer2.0.downsample.0')).toBeVisible();
  await expect(root.locator('svg path.arc.s-projection').first()).toBeVisible();
  expect(await focusedNode(page)).toBe(await block.getAttribute('data-node'));

  await page.keyboard.press('Enter');
  await expect(block).toHaveAttribute('aria-expanded', 'false');
  await expect(conv).toBeHidden();
  await expect(root.locator('svg path.arc.s-projection').first()).toBeHidden();
});

test('clicking a group collapses and expands it; Expand all shows every layer, Collapse all folds the stages', async ({
  page,
}) => {
  const root = await figure(page, '/resnet/', 'arch-resnet50');
  const stage = root.locator('svg [data-node]', { hasText: /^layer3 · 6 blocks/ }).first();
  await stage.click();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(stage).toHaveAttribute('aria-expanded', 'false');
  await expect(root.locator('svg [data-node]', { hasText: /^layer3\.1 ·/ })).toBeHidden();
  await stage.click();
  await expect(stage).toHaveAttribute('aria-expanded', 'true');
  await expect(root.locator('svg [data-node]', { hasText: /^layer3\.1 ·/ })).toBeVisible();

  const layers = analyze(diagramSpec('resnet50')).layers.length;
  await root.getByRole('button', { name: 'Expand all' }).click();
  await expect(root.locator('svg [data-node]:not([display="none"]):not([aria-expanded])')).toHaveCount(layers);
  await root.getByRole('button', { name: 'Collapse all' }).click();
  await expect(root.locator('svg [data-node]:not([display="none"])')).toHaveCount(6);
});

test('the box-width select re-encodes the boxes: by parameters, VGG-16’s first FC box is the widest', async ({
  page,
}) => {
  const root = await figure(page, '/vgg/', 'arch-vgg16');
  const fc = (await node(root, 'classifier.0')).locator('rect.box');
  const conv = (await node(root, 'features.0')).locator('rect.box');
  await root.locator('select[data-encoding]').hover();
  await expect(root).toHaveAttribute('data-state', 'ready');
  const before = Number(await fc.getAttribute('width'));
  expect(before).toBeLessThan(Number(await conv.getAttribute('width')));
  await root.locator('select[data-encoding]').selectOption('params');
  await expect(root.locator('[data-legend]')).toHaveText('Box width ∝ √(parameters)');
  expect(Number(await fc.getAttribute('width'))).toBeGreaterThan(Number(await conv.getAttribute('width')));
});

test('Zoom in enlarges the drawing inside its scrollable viewport and Fit restores it', async ({ page }) => {
  const root = await figure(page, '/vgg/', 'arch-vgg16');
  const svg = root.locator('svg.arch-svg');
  const width = async (): Promise<number> => (await svg.boundingBox())!.width;
  const fitted = await width();
  await root.getByRole('button', { name: 'Zoom in' }).click();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect.poll(width).toBeGreaterThan(fitted * 1.2);
  await root.getByRole('button', { name: 'Zoom out' }).click();
  await root.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(width).toBeLessThan(fitted);
  await root.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(width).toBeCloseTo(fitted, 0);
});

test('Download SVG and Download PNG save the diagram as drawn, named after the model', async ({ page }) => {
  const root = await figure(page, '/vgg/', 'arch-vgg16');
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    root.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('vgg16.svg');
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('conv3-256');
  expect(svg).toMatch(/fill:\s*rgb/);
  expect(svg).not.toContain('tabindex');
  expect(svg).not.toContain('display="none"');

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    root.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('vgg16.png');
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.byteLength).toBeGreaterThan(10_000);
});

test('no diagram code loads while the reader only scrolls past; it loads on the first hover', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('diagram-island')) loaded.push(request.url());
  });
  const root = await figure(page, '/vgg/', 'arch-vgg16');
  await page.waitForTimeout(300);
  expect(loaded).toEqual([]);
  await expect(root).toHaveAttribute('data-state', 'idle');
  await root.locator('svg.arch-svg').hover();
  await expect(root).toHaveAttribute('data-state', 'ready');
  expect(loaded).toHaveLength(1);
});

test('comparison: ArrowRight moves focus to the nearest layer of the next model’s column', async ({ page }) => {
  const root = await figure(page, '/', 'arch-lenet5-alexnet-vgg16-resnet50');
  await root.locator('svg.arch-svg').hover();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await root.locator('[data-column="0"] [data-node][tabindex="0"]').focus();
  await expect(root.locator('[data-panel-title]')).toContainText('LeNet-5');
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-column]')?.getAttribute('data-column'))).toBe(
    '1',
  );
  await expect(root.locator('[data-panel-title]')).toContainText('AlexNet');
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-column]')?.getAttribute('data-column'))).toBe(
    '0',
  );
  await expect(root.locator('.arch-bars svg .bar-row')).toHaveCount(8);
});

test('a layer pressed while the diagram code is still loading expands and takes focus, and the page does not move', async ({
  page,
}) => {
  const root = await figure(page, '/resnet/', 'arch-resnet50');
  // A slow network: the island arrives only after the reader has pressed and released.
  let deliver = (): void => {};
  const delivered = new Promise<void>((resolve) => (deliver = resolve));
  await page.route('**/*diagram-island*', async (route) => {
    await delivered;
    await route.continue();
  });
  const block = root.locator('svg [data-node]', { hasText: /^layer1\.0 ·/ }).first();
  // Just below the page header, so the diagram's first layer sits above the fold.
  await block.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 90));
  const scrollY = await page.evaluate(() => window.scrollY);
  const box = (await block.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(root).toHaveAttribute('data-state', 'idle');
  deliver();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(block).toHaveAttribute('aria-expanded', 'true');
  await expect(block).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a hydrated diagram with an expanded block and an open Data table has no axe violations (${theme})`, async ({
    page,
  }) => {
    await page.addInitScript((t) => window.localStorage.setItem('starlight-theme', t), theme);
    const root = await figure(page, '/resnet/', 'arch-resnet50');
    const block = root.locator('svg [data-node]', { hasText: /^layer1\.0 ·/ }).first();
    await block.click();
    await expect(block).toHaveAttribute('aria-expanded', 'true');
    await block.focus();
    await root.locator('details summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  for (const [path, ids] of [
    ['/lenet5/', ['lenet5']],
    ['/alexnet/', ['alexnet']],
    ['/vgg/', ['vgg16']],
    ['/resnet/', ['resnet50']],
    ['/', ['lenet5', 'alexnet', 'vgg16', 'resnet50']],
  ] as const) {
    test(`${path} shows its ${ids.join(', ')} diagram as SVG, with the layer table and without dead controls`, async ({
      page,
    }) => {
      await page.goto(path);
      const root = page.locator(`cnn-diagram[data-uid="arch-${ids.join('-')}"]`);
      await expect(root.locator('svg.arch-svg')).toBeVisible();
      await expect(root.locator('svg.arch-svg [data-node]').first()).toBeVisible();
      await expect(root.locator('.arch-toolbar')).toBeHidden();
      await expect(root.locator('figcaption')).not.toBeEmpty();
      for (const id of ids) {
        const rows = root.locator(`table[data-layer-table="${id}"] tbody tr`);
        await expect(rows).toHaveCount(analyze(diagramSpec(id)).layers.length);
      }
    });
  }
});
