import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atMostEvery, oncePerFrame } from '../../../src/components/widget/redraw.ts';

// Animation frames every 16 ms on fake timers (Node has no requestAnimationFrame).
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (draw: (now: number) => void) =>
    setTimeout(() => draw(performance.now()), 16),
  );
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('oncePerFrame', () => {
  it('draws once for any number of calls before the frame, and again for a call after it', () => {
    const draw = vi.fn();
    const schedule = oncePerFrame(draw);
    for (let i = 0; i < 10; i++) schedule();
    expect(draw).not.toHaveBeenCalled(); // not in the calling task
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    schedule();
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(2);
  });
});

describe('atMostEvery', () => {
  it('merges a steady stream of calls into draws at most every interval, and draws after the last call', () => {
    const draws: number[] = [];
    let calls = 0;
    const schedule = atMostEvery(250, () => draws.push(calls));
    // A step every 10 ms for one second (100 steps, as a fast training run streams them).
    for (let t = 0; t < 1000; t += 10) {
      calls++;
      schedule();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(draws.length).toBeGreaterThanOrEqual(4);
    expect(draws.length).toBeLessThanOrEqual(5);
    expect(draws[draws.length - 1]).toBe(100); // the last state is drawn
  });

  it('draws a lone call at the next frame, with no wait', () => {
    const draw = vi.fn();
    atMostEvery(250, draw)();
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});

describe('atMostEvery with parts', () => {
  it('draws the parts in order, one per animation frame', () => {
    const drawn: string[] = [];
    const schedule = atMostEvery(
      250,
      () => drawn.push('loss'),
      () => drawn.push('accuracy'),
      () => drawn.push('tables'),
    );
    schedule();
    vi.advanceTimersByTime(17);
    expect(drawn).toEqual(['loss']);
    vi.advanceTimersByTime(16);
    expect(drawn).toEqual(['loss', 'accuracy']);
    vi.advanceTimersByTime(16);
    expect(drawn).toEqual(['loss', 'accuracy', 'tables']);
  });

  it('a call during a round starts another round after the interval, so every part draws the last state', () => {
    let state = 0;
    const seen: [string, number][] = [];
    const schedule = atMostEvery(
      250,
      () => seen.push(['a', state]),
      () => seen.push(['b', state]),
    );
    schedule();
    vi.advanceTimersByTime(17); // part a drew state 0
    state = 1;
    schedule(); // mid-round
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([
      ['a', 0],
      ['b', 1],
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('merges calls during the wait into one round', () => {
    const draw = vi.fn();
    const schedule = atMostEvery(250, draw, draw);
    schedule();
    vi.advanceTimersByTime(40);
    for (let i = 0; i < 5; i++) schedule();
    vi.advanceTimersByTime(1000);
    expect(draw).toHaveBeenCalledTimes(4); // two rounds of two parts
  });
});
