import { describe, expect, test } from 'vitest';
import { SeenGate, watchSeen, type SeenEnvironment } from '../../../src/components/widget/seen.ts';

/** A page without a DOM: a document whose tab the test shows and hides, and an IntersectionObserver it drives. */
function page() {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  let callback: ((entries: { isIntersecting: boolean }[]) => void) | null = null;
  const options: IntersectionObserverInit[] = [];
  class FakeObserver {
    constructor(cb: typeof callback, init: IntersectionObserverInit) {
      callback = cb;
      options.push(init);
    }
    observe(): void {}
  }
  const env = {
    IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver,
    document: doc,
  } satisfies SeenEnvironment;
  return {
    env,
    options,
    onScreen: (isIntersecting: boolean) => callback!([{ isIntersecting }]),
    tab: (state: DocumentVisibilityState) => {
      doc.visibilityState = state;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('watchSeen(element, onChange)', () => {
  test('reports seen at once, unseen when scrolled off screen or the tab is hidden, and seen only when both are back', () => {
    const p = page();
    const calls: boolean[] = [];
    watchSeen({} as Element, (seen) => calls.push(seen), p.env);
    expect(p.options).toEqual([{ threshold: 0 }]); // any pixel on screen counts, no margin
    p.onScreen(true);
    p.onScreen(false);
    p.tab('hidden');
    p.onScreen(true); // back on screen, but the tab is still hidden
    p.tab('visible');
    p.tab('hidden');
    p.tab('visible');
    expect(calls).toEqual([true, false, true, false, true]);
  });

  test('without IntersectionObserver only the tab counts', () => {
    const p = page();
    const calls: boolean[] = [];
    watchSeen({} as Element, (seen) => calls.push(seen), { ...p.env, IntersectionObserver: undefined });
    p.tab('hidden');
    p.tab('visible');
    expect(calls).toEqual([true, false, true]);
  });
});

describe('SeenGate', () => {
  test('whenSeen resolves at once while seen, and waits while unseen until seen again', async () => {
    const gate = new SeenGate();
    await gate.whenSeen();
    gate.set(false);
    let passed = 0;
    const waiting = [gate.whenSeen(), gate.whenSeen()].map((p) => p.then(() => passed++));
    await new Promise((r) => setTimeout(r, 0));
    gate.set(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(passed).toBe(0);
    gate.set(true);
    await Promise.all(waiting);
    expect(passed).toBe(2);
    expect(gate.seen).toBe(true);
  });
});
