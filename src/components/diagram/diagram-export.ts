/**
 * Downloads a diagram as it is drawn now (expansion, encoding): as SVG, and as PNG via a canvas
 * `drawImage` of the serialized SVG, all client-side. The page's CSS colours are inlined, so the
 * file looks the same outside the site in either theme.
 */

const inlined = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

/**
 * A standalone copy of `svg`: hidden parts and hover targets removed, computed colours and fonts
 * inlined, interaction attributes dropped, and a `background` rectangle behind everything.
 * Width and height are the diagram's natural size in px (zoom 1).
 */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>(originals.map((e) => [e, getComputedStyle(e)]));
  const drop: Element[] = [];
  originals.forEach((original, i) => {
    const copy = copies[i]!;
    const style = computed.get(original)!;
    if (style.display === 'none' || original.classList.contains('ring')) {
      drop.push(copy);
      return;
    }
    // Inline what the page's CSS decided, where it differs from what the parent passes down.
    const parent = original === svg ? undefined : computed.get(original.parentElement!);
    const declarations = inlined.flatMap((p) => {
      const value = style.getPropertyValue(p);
      return parent !== undefined && parent.getPropertyValue(p) === value ? [] : [`${p}:${value}`];
    });
    if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
    else copy.removeAttribute('style');
    for (const name of ['tabindex', 'role', 'aria-describedby', 'aria-expanded', 'class']) copy.removeAttribute(name);
    if (copy !== clone) copy.removeAttribute('aria-label');
  });
  for (const element of drop) element.remove();
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '0 0 0 0').split(' ');
  clone.setAttribute('width', width ?? '0');
  clone.setAttribute('height', height ?? '0');
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  clone.insertBefore(backdrop, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves `svg` as `${fileName}.svg`. */
export function downloadSvg(svg: SVGSVGElement, fileName: string, background: string): void {
  save(new Blob([standaloneSvg(svg, background)], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

/** Saves `svg` as `${fileName}.png` at `scale` device pixels per px (2: sharp on high-DPI screens). */
export async function downloadPng(svg: SVGSVGElement, fileName: string, background: string, scale = 2): Promise<void> {
  const text = standaloneSvg(svg, background);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob === null) throw new Error('the PNG could not be encoded');
    save(blob, `${fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
