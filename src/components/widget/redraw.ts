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
 * `draw`, run in an animation frame at most once every `intervalMs` however often the result is
 * called; calls in between merge into the next draw, so the last state is always drawn. For views
 * that change continuously (training curves): a redraw of the lab's charts and tables costs
 * 10–20 ms with layout and paint, and once per frame those frames came back to back; four a
 * second still read as a moving curve.
 */
export function atMostEvery(intervalMs: number, draw: () => void): () => void {
  let scheduled = false;
  let lastDraw = -Infinity;
  return () => {
    if (scheduled) return;
    scheduled = true;
    const wait = Math.max(0, lastDraw + intervalMs - performance.now());
    setTimeout(
      () =>
        requestAnimationFrame((now) => {
          scheduled = false;
          lastDraw = now;
          draw();
        }),
      wait,
    );
  };
}
