/**
 * The details panel's receptive-field thumbnail as rectangles in its 100×100 viewBox: the input
 * scaled to fill the middle 80 units, the field's whole reach (possibly into the padding), the
 * part of the field on the input, and the unit's centre. Pure: diagram-inspector.ts draws it.
 */
import type { FieldThumbnail } from '../../lib/viz/node-details.ts';

/** A rectangle in viewBox units; width and height are never negative. */
export interface ThumbRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The thumbnail's four rectangles, by the name of the element that draws each (`data-thumb-<name>`). */
export type ThumbRects = Readonly<Record<'input' | 'reach' | 'field' | 'unit', ThumbRect>>;

const rect = (x: number, y: number, w: number, h: number): ThumbRect => ({
  x,
  y,
  width: Math.max(w, 0),
  height: Math.max(h, 0),
});

/** The rectangles of `field` (input pixels) in the thumbnail's 100×100 box. */
export function thumbnailRects(field: FieldThumbnail): ThumbRects {
  const scale = 80 / Math.max(field.inputHeight, field.inputWidth);
  const x0 = 50 - (field.inputWidth * scale) / 2;
  const y0 = 50 - (field.inputHeight * scale) / 2;
  const left = Math.max(0, field.left);
  const top = Math.max(0, field.top);
  const right = Math.min(field.inputWidth, field.left + field.width);
  const bottom = Math.min(field.inputHeight, field.top + field.height);
  const cx = x0 + (field.left + field.width / 2) * scale;
  const cy = y0 + (field.top + field.height / 2) * scale;
  return {
    input: rect(x0, y0, field.inputWidth * scale, field.inputHeight * scale),
    reach: rect(x0 + field.left * scale, y0 + field.top * scale, field.width * scale, field.height * scale),
    field: rect(x0 + left * scale, y0 + top * scale, (right - left) * scale, (bottom - top) * scale),
    unit: rect(cx - 1.5, cy - 1.5, 3, 3),
  };
}
