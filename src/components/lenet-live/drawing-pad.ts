/**
 * The pad the reader draws a digit on: pointer strokes become ink on a PAD_SIDE × PAD_SIDE
 * canvas, and a short pause after the last stroke hands the ink over (several quick strokes make
 * one request). The pixel arithmetic is in plan.ts; this is only the canvas and its events.
 */
import type { InkRaster } from '../../lib/data/digit-preprocess.ts';
import { canvasPoint, INFER_DEBOUNCE_MS, inkFromRgba, PAD_SIDE, PEN_WIDTH, rgbaFromInk } from './plan.ts';

/** The pad's part the widget drives. */
export interface DrawingPad {
  /** Wipes the ink and drops a finished stroke's pending hand-over. */
  clear(): void;
  /** Replaces the pad's ink with `raster` (PAD_SIDE × PAD_SIDE, e.g. a test digit). */
  show(raster: InkRaster): void;
}

/**
 * Wires the pad `canvas`: `onInk` receives the pad's ink ([PAD_SIDE, PAD_SIDE], 255 = full ink)
 * INFER_DEBOUNCE_MS after the reader's last stroke ends.
 */
export function drawingPad(canvas: HTMLCanvasElement, onInk: (ink: InkRaster) => void): DrawingPad {
  const ink = canvas.getContext('2d', { willReadFrequently: true })!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let drawing = false;
  ink.lineWidth = PEN_WIDTH;
  ink.lineCap = 'round';
  ink.lineJoin = 'round';
  ink.strokeStyle = '#000';
  const padPoint = (event: PointerEvent): [number, number] =>
    canvasPoint(event.clientX, event.clientY, canvas.getBoundingClientRect(), PAD_SIDE, PAD_SIDE);
  canvas.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    clearTimeout(timer);
    const [x, y] = padPoint(event);
    ink.beginPath();
    ink.moveTo(x, y);
    ink.lineTo(x, y);
    ink.stroke();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing) return;
    for (const e of event.getCoalescedEvents?.() ?? [event]) ink.lineTo(...padPoint(e));
    ink.stroke();
  });
  const endStroke = (): void => {
    if (!drawing) return;
    drawing = false;
    clearTimeout(timer);
    timer = setTimeout(
      () => onInk(inkFromRgba(ink.getImageData(0, 0, PAD_SIDE, PAD_SIDE).data, PAD_SIDE, PAD_SIDE)),
      INFER_DEBOUNCE_MS,
    );
  };
  canvas.addEventListener('pointerup', endStroke);
  canvas.addEventListener('pointercancel', endStroke);

  return {
    clear: () => {
      clearTimeout(timer);
      ink.clearRect(0, 0, PAD_SIDE, PAD_SIDE);
    },
    // Every pixel is replaced, so nothing of the old ink stays. A stroke's pending hand-over
    // still runs: it reads this raster, the pad's latest ink.
    show: (raster) => ink.putImageData(new ImageData(rgbaFromInk(raster), PAD_SIDE, PAD_SIDE), 0, 0),
  };
}
