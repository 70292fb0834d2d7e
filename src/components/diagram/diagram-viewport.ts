/**
 * The diagram's scrollable viewport: zoom (keeping the view's centre where it was) and
 * drag-to-pan with a mouse when the drawing overflows. The arithmetic is in diagram-zoom.ts.
 */
import { centreFraction, clampZoom, isPan, scrollToCentre } from './diagram-zoom.ts';

/** The zoom and pan of one diagram. */
export interface DiagramViewport {
  /** Zooms to `zoom` × the natural size (clamped), or back to fitting the viewport (null). */
  setZoom(zoom: number | null): void;
  /** Zooms by `factor` from the size drawn now. */
  zoomBy(factor: number): void;
  /** Keeps the zoom after the layout changed size. */
  resize(): void;
  /** True while the click that ends a drag is dispatched: it must not act on a layer. */
  readonly dragged: boolean;
}

/** The viewport `viewport` around `svg`, whose natural width (SVG units = px at zoom 1) is `width()`. */
export function diagramViewport(viewport: HTMLElement, svg: SVGSVGElement, width: () => number): DiagramViewport {
  let zoom: number | null = null;
  let drag: { x: number; y: number; left: number; top: number; moved: boolean } | null = null;
  let dragged = false;
  const applyWidth = (): void => {
    svg.style.width = zoom === null ? '' : `${width() * zoom}px`;
  };
  const setZoom = (next: number | null): void => {
    const fx = centreFraction(viewport.scrollLeft, viewport.clientWidth, viewport.scrollWidth);
    const fy = centreFraction(viewport.scrollTop, viewport.clientHeight, viewport.scrollHeight);
    zoom = next === null ? null : clampZoom(next);
    viewport.classList.toggle('is-zoomed', zoom !== null);
    applyWidth();
    viewport.scrollLeft = scrollToCentre(fx, viewport.clientWidth, viewport.scrollWidth);
    viewport.scrollTop = scrollToCentre(fy, viewport.clientHeight, viewport.scrollHeight);
  };

  viewport.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'mouse' || event.button !== 0) return;
    const overflows = viewport.scrollWidth > viewport.clientWidth || viewport.scrollHeight > viewport.clientHeight;
    if (!overflows) return;
    drag = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop, moved: false };
  });
  window.addEventListener('pointermove', (event) => {
    if (drag === null) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && !isPan(dx, dy)) return;
    drag.moved = true;
    viewport.classList.add('is-panning');
    viewport.scrollLeft = drag.left - dx;
    viewport.scrollTop = drag.top - dy;
  });
  window.addEventListener('pointerup', () => {
    if (drag?.moved === true) dragged = true;
    drag = null;
    viewport.classList.remove('is-panning');
    setTimeout(() => (dragged = false), 0);
  });

  return {
    setZoom,
    zoomBy: (factor) => setZoom((svg.getBoundingClientRect().width / width()) * factor),
    resize: () => {
      if (zoom !== null) applyWidth();
    },
    get dragged() {
      return dragged;
    },
  };
}
