/**
 * The arithmetic of the diagram's zoom and drag-to-pan: how far it zooms, and where the view
 * scrolls so that what was at its centre stays there. Pure: diagram-viewport.ts applies it.
 */

/** The smallest zoom, as a multiple of the drawing's natural size (px per SVG unit). */
export const ZOOM_MIN = 0.2;
/** The largest zoom, as a multiple of the drawing's natural size (px per SVG unit). */
export const ZOOM_MAX = 4;

/** Pointer travel (px) before a press on the viewport becomes a drag: shorter moves stay clicks. */
export const PAN_THRESHOLD = 4;

/** `zoom` within [ZOOM_MIN, ZOOM_MAX]. */
export function clampZoom(zoom: number): number {
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom));
}

/**
 * The fraction of a scrolling box's content at the middle of its view (0 top or left, 1 bottom or
 * right), on one axis: `scroll` offset, `client` (visible) size and content `size`, all in px.
 */
export function centreFraction(scroll: number, client: number, size: number): number {
  return (scroll + client / 2) / Math.max(1, size);
}

/** The scroll offset (px) that puts fraction `f` of content `size` px at the middle of a view `client` px wide. */
export function scrollToCentre(f: number, client: number, size: number): number {
  return f * size - client / 2;
}

/** Whether a pointer moved by (dx, dy) px has travelled far enough to pan. */
export function isPan(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) >= PAN_THRESHOLD;
}
