/**
 * When a widget redraws. Events (slider input, worker messages) change what a widget shows far
 * more often than a reader can see; they mark the view stale, and the drawing happens once, in an
 * animation frame, apart from the event's own task. A task that both handled an event and redrew
 * charts ran 10–20 ms of main-thread CPU, which the worker computing on the other core of a
 * 2-core machine stretched past 50 ms.
 */

/** `draw`, run in the next animation frame, once however often the result is called before it. */
export function oncePerFrame(draw: () => void): () => void {
  let frame = 0;
  return () => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };
}

/**
 * `parts`, run at most once every `intervalMs` however often the result is called, each part in
 * its own animation frame, one after another (part 0 in the first frame, part 1 in the next, …);
 * calls in between merge into the next round, so the last state is always drawn. For views that
 * change continuously (training curves): a redraw of the lab's two charts and tables in one frame
 * cost 12–20 ms of main-thread CPU with layout and paint, which the worker computing on the other
 * core of a 2-core machine stretched past 50 ms; a part per frame keeps each frame small. Four
 * rounds a second still read as a moving curve.
 */
export function atMostEvery(intervalMs: number, ...parts: readonly (() => void)[]): () => void {
  let scheduled = false;
  let lastDraw = -Infinity;
  const drawPart = (index: number): void => {
    requestAnimationFrame((now) => {
      if (index === 0) {
        // From here on a call starts a new round: it sees state this round may not draw.
        scheduled = false;
        lastDraw = now;
      }
      parts[index]!();
      if (index + 1 < parts.length) drawPart(index + 1);
    });
  };
  return () => {
    if (scheduled || parts.length === 0) return;
    scheduled = true;
    const wait = Math.max(0, lastDraw + intervalMs - performance.now());
    setTimeout(() => drawPart(0), wait);
  };
}
