import { expect, test, type Page } from '@playwright/test';
import { widgetRegistry, type WidgetEntry } from '../../src/lib/state/widgets.ts';
import { englishOnlyWords, latinWords } from './support/english-words.ts';
import { axeViolations, recordPageErrors } from './support/site.ts';

// Issue 23: every widget, embedded with lang=zh-CN, shows no word of the English string tables.
// One page load per widget: the embed page, asked for Chinese by its parameter (so the switch to
// /zh-cn/embed/… is tested too), waited on until its interactive part has mounted.

/** When each widget's client has taken over its build-time markup. */
const mounted: Readonly<Record<string, (page: Page) => Promise<void>>> = {
  architecture: async (page) => {
    // The island loads when the reader reaches for the figure: hover it, and wait for it to wire up.
    await page.locator('.arch-viewport').hover();
    await expect(page.locator('cnn-diagram')).not.toHaveAttribute('data-state', 'idle');
  },
  'receptive-field': (page) => ready(page, 'rf-explorer'),
  'gradient-flow': (page) => ready(page, 'gradient-flow'),
  'lenet-live': (page) => ready(page, 'lenet-live'),
  'inception-cost': (page) => ready(page, 'inception-cost'),
  'skip-lab': (page) => trainEnabled(page),
  'relu-tanh': (page) => trainEnabled(page),
  'batch-norm': (page) => trainEnabled(page),
  'your-network': async (page) => {
    await page.locator('your-network').scrollIntoViewIfNeeded();
    await ready(page, 'your-network');
  },
};

async function ready(page: Page, element: string): Promise<void> {
  await expect(page.locator(element)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

async function trainEnabled(page: Page): Promise<void> {
  await expect(page.locator('[data-action="train"]').first()).toBeEnabled({ timeout: 30_000 });
}

/**
 * Everything a reader (or a screen reader) can get from the page: visible text, labels, titles, SVG
 * text, and every table, open or not. Generated code listings (<pre>) are code, not UI words.
 */
function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let body = document.body.innerText;
    for (const code of document.querySelectorAll<HTMLElement>('pre')) body = body.replace(code.innerText, '');
    const parts = [document.title, body];
    for (const element of document.querySelectorAll('[aria-label], [aria-valuetext], [title], [alt], [placeholder]')) {
      for (const name of ['aria-label', 'aria-valuetext', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    for (const element of document.querySelectorAll('svg text, svg title, svg desc, table, details')) {
      const withoutCode = element.cloneNode(true) as Element;
      for (const code of withoutCode.querySelectorAll('pre')) code.remove();
      parts.push(withoutCode.textContent ?? '');
    }
    return parts.join('\n');
  });
}

test('the English word list is not empty and leaves out words both languages use', () => {
  expect(englishOnlyWords.size).toBeGreaterThan(300);
  for (const word of ['training', 'step', 'loss', 'receptive', 'layer']) expect(englishOnlyWords).toContain(word);
  for (const word of ['relu', 'mnist', 'macs', 'resnet']) expect(englishOnlyWords).not.toContain(word);
  expect(latinWords('plain-56 的损失 · Step 3 of conv1')).toEqual(['step', 'of']);
});

for (const widget of widgetRegistry as readonly WidgetEntry[]) {
  test(`the ${widget.id} embed with lang=zh-CN speaks only Chinese`, async ({ page }) => {
    const errors = recordPageErrors(page);
    await page.goto(`/embed/${widget.id}/?lang=zh-CN`);
    await expect(page).toHaveURL(new RegExp(`/zh-cn/embed/${widget.id}/`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await mounted[widget.id]!(page);

    // A diagram's layer names (torchvision's module names, e.g. "flatten") are identifiers, not UI
    // words: from a diagram's config, or the name column of your-network's layer table.
    const layerNames = new Set(
      latinWords(
        await page.evaluate(() =>
          [...document.querySelectorAll('script[data-config]')]
            .flatMap(
              (script) => (JSON.parse(script.textContent ?? '{}') as { models: { nodes: { id: string }[] }[] }).models,
            )
            .flatMap((model) => model.nodes.map((node) => node.id))
            .concat([...document.querySelectorAll('[data-layer-rows] td:nth-child(2)')].map((cell) => cell.textContent))
            .join(' '),
        ),
      ),
    );
    const english = [...new Set(latinWords(await readableText(page)))].filter(
      (word) => englishOnlyWords.has(word) && !layerNames.has(word),
    );
    expect(english, 'English words in the Chinese widget').toEqual([]);
    await expect(page.locator('[data-embed-notices] li')).toHaveCount(0);
    if (widget.id === 'skip-lab') expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('on a Chinese chapter page the Share/Embed panel is in Chinese and embeds the Chinese widget', async ({
  page,
}) => {
  await page.goto('/zh-cn/skip-connections/');
  const panel = page.locator('details[data-share-embed="skip-lab"]');
  await panel.locator('summary').click();
  await expect(panel.locator('summary')).toHaveText('分享或嵌入');
  await expect(panel.locator('[data-share-preview]')).toHaveText('预览');
  const snippet = await panel.locator('[data-share-snippet]').inputValue();
  expect(snippet).toMatch(/src="http:\/\/127\.0\.0\.1:\d+\/zh-cn\/embed\/skip-lab\/\?[^"]*lang=zh-CN/);
  expect(snippet).toContain('title="跳跃连接实验室 · CNN Lineage"');
});
