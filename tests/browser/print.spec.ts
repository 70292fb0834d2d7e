import { expect, test, type Page } from '@playwright/test';

// Printing (issue 24, "Instructors' kit"): a chapter and an embed printed with their widgets in the
// state the reader left them. LeNet-5 live draws to canvases (the pad, the input, 46 feature maps),
// so its figures print as image snapshots; /lenet5/ also carries an architecture diagram.

const lenet = (page: Page) => page.locator('lenet-live#lenet-live');

/** Waits until the LeNet-5 widget has loaded and classified its starting digit. */
async function lenetReady(page: Page): Promise<void> {
  await lenet(page).scrollIntoViewIfNeeded();
  await expect(lenet(page).locator('[data-action="clear"]')).toBeEnabled({ timeout: 30_000 });
  await expect(lenet(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

/**
 * Switches to print media and waits for the snapshots; then, for every snapshot, whether it holds
 * exactly its canvas's pixels (decoded, each channel within 2 levels: PNG stores unpremultiplied
 * alpha) and whether that canvas has any ink (a pixel that is not transparent).
 */
async function printSnapshots(page: Page): Promise<{ sources: string[]; same: boolean[]; inked: boolean[] }> {
  const canvases = await page
    .locator('canvas')
    .evaluateAll((all) => all.filter((c) => c.getClientRects().length > 0).length);
  expect(canvases).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  // The print media query's change event comes with the next frame.
  await expect(page.locator('img.print-snapshot')).toHaveCount(canvases);
  return page.locator('img.print-snapshot').evaluateAll(async (images) => {
    const result = { sources: [] as string[], same: [] as boolean[], inked: [] as boolean[] };
    for (const image of images as HTMLImageElement[]) {
      const canvas = image.previousElementSibling as HTMLCanvasElement;
      await image.decode();
      const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d')!;
      copy.drawImage(image, 0, 0);
      const printed = copy.getImageData(0, 0, canvas.width, canvas.height).data;
      const live = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      result.sources.push(image.src);
      result.same.push(
        image.naturalWidth === canvas.width && printed.every((v, i) => Math.abs(v - (live[i] as number)) <= 2),
      );
      result.inked.push(live.some((v, i) => i % 4 === 3 && v > 0));
    }
    return result;
  });
}

/** Image XObjects in a Chromium PDF (their dictionaries are not compressed, unlike the page streams). */
function pdfImages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Subtype\s*\/Image\b/g) ?? []).length;
}

test('a printed chapter shows every widget as it stands: canvases as images, data tables and share links, no site chrome', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('/lenet5/?lenet.digit=7');
  await lenetReady(page);
  const roots = page.locator('[data-widget]');
  await expect(roots).toHaveCount(2); // the architecture diagram and LeNet-5 live
  // The Share/Embed panels' links: what each printed link must say.
  const shared: string[] = [];
  for (const root of await roots.all()) {
    await root.locator('details.share-embed > summary').click();
    // The panel fills its fields on its toggle event, which comes after the click.
    await expect(root.locator('[data-share-link]')).not.toHaveValue('');
    shared.push(await root.locator('[data-share-link]').inputValue());
  }
  expect(shared[1]).toBe(`${baseURL}/lenet5/?lenet.digit=7#lenet-live-widget`);

  const { sources, same, inked } = await printSnapshots(page);
  expect(
    same.every(Boolean),
    `snapshots that differ from their canvas: ${same.map((s, i) => (s ? '' : i)).join(' ')}`,
  ).toBe(true);
  expect(inked.every(Boolean), `blank snapshots: ${inked.map((s, i) => (s ? '' : i)).join(' ')}`).toBe(true);
  await expect(lenet(page).locator('canvas').first()).toBeHidden();
  await expect(lenet(page).locator('img.print-snapshot').first()).toBeVisible();

  for (const [k, root] of (await roots.all()).entries()) {
    await expect(root.locator('[data-print-link]')).toBeVisible();
    await expect(root.locator('[data-print-link]')).toHaveText(`Open this view: ${shared[k]}`);
    for (const details of await root.locator('details[data-print-open]').all()) {
      await expect(details).toHaveAttribute('open', '');
      await expect(details.locator('table').first()).toBeVisible();
    }
    await expect(root.locator('.share-embed')).toBeHidden();
  }
  await expect(lenet(page).locator('[data-probability-table] tr')).toHaveCount(10);
  await expect(lenet(page).locator('.widget-button').first()).toBeHidden();
  for (const chrome of ['header.header', 'nav.sidebar', '.right-sidebar-container', '.pagination-links']) {
    await expect(page.locator(chrome).first(), chrome).toBeHidden();
  }
  // The diagram prints whole: no scroll box, its drawing no wider than the page.
  const viewport = page.locator('.arch-viewport').first();
  await expect(viewport).toHaveCSS('overflow', 'visible');
  expect(await viewport.evaluate((v) => v.scrollWidth <= v.clientWidth + 1)).toBe(true);
  await expect(page.locator('.katex-display .katex-html').first()).toBeVisible();

  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Identical snapshots (blank maps, say) may share one image in the PDF.
  expect(pdfImages(pdf)).toBeGreaterThanOrEqual(new Set(sources).size);

  // Back on screen, the page is as it was.
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('img.print-snapshot')).toHaveCount(0);
  await expect(page.locator('details[data-print-open][open]')).toHaveCount(0);
  await expect(lenet(page).locator('canvas').first()).toBeVisible();
});

test("a printed embed shows its widget as it stands and the address that opens it, in its page's language", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('/zh-cn/embed/lenet-live/?digit=5&hide=train');
  await lenetReady(page);
  // Printed straight away (beforeprint, no print emulation): the snapshots are there while it prints, gone after.
  const printed = page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        // Added after the page's own listener, so it runs after the page has prepared for print.
        addEventListener('beforeprint', () => resolve(document.querySelectorAll('img.print-snapshot').length), {
          once: true,
        }),
      ),
  );
  await page.pdf({ format: 'A4' });
  expect(await printed).toBeGreaterThan(0);
  await expect(page.locator('img.print-snapshot')).toHaveCount(0);
  await expect(page.locator('details.widget-data')).not.toHaveAttribute('open');
  const { sources, same, inked } = await printSnapshots(page);
  expect(same.every(Boolean) && inked.every(Boolean)).toBe(true);
  await expect(page.locator('[data-print-link]')).toHaveText(
    `打开此视图：${baseURL}/zh-cn/embed/lenet-live/?digit=5&hide=train#lenet-live-widget`,
  );
  await expect(page.locator('details.widget-data')).toHaveAttribute('open', '');
  // Light colours on paper, whatever the theme.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdfImages(pdf)).toBeGreaterThanOrEqual(new Set(sources).size);
});
