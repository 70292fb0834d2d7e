/**
 * Canvases on paper: each laid-out canvas gets an <img> copy of its pixels beside it, which the
 * print styles (print.css) show in its place. A canvas is a bitmap only the live page holds: some
 * browsers print it blank, a PDF converter that re-renders the page loses it, and an image is
 * what a printed figure can rely on.
 */

/**
 * Puts a PNG snapshot (`img.print-snapshot`, its source a data: URL) right after every canvas in
 * `scope` that has a size on the page: as wide as the canvas is laid out (CSS px), its height from
 * the bitmap's aspect ratio (the widgets scale their canvases by whole pixels each way), with the
 * canvas's accessible name as alt text. Returns the undo, which removes them.
 */
export function snapshotCanvases(scope: ParentNode): () => void {
  const images: HTMLImageElement[] = [];
  for (const canvas of scope.querySelectorAll('canvas')) {
    const { width, height } = canvas.getBoundingClientRect();
    if (width === 0 || height === 0) continue;
    const image = new Image();
    image.className = 'print-snapshot';
    image.alt = canvas.getAttribute('aria-label') ?? '';
    image.style.width = `${width}px`;
    // A data: URL loads at once, so the image is ready for the layout that follows.
    image.src = canvas.toDataURL();
    canvas.after(image);
    images.push(image);
  }
  return () => {
    for (const image of images) image.remove();
  };
}
