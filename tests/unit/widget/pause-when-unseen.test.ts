import { describe, expect, test } from 'vitest';
import { pauseWhenUnseen } from '../../../src/components/widget/pause-when-unseen.ts';
import { TrainingRun, type TrainingRunHooks } from '../../../src/components/widget/training-run.ts';

const PAUSED = 'Paused while out of view';

/**
 * A training widget without a DOM: a run whose chunks (one step each) finish when the test says so,
 * a root whose data-state the hooks set as the side-by-side widgets do, the label, the opt-out
 * checkbox, and the widget's visibility, which the test sets.
 */
function widget(total = 10) {
  const root = { dataset: { state: 'idle' } as DOMStringMap };
  const label = { textContent: '' as string | null };
  const keep = Object.assign(new EventTarget(), { checked: false });
  const pending: (() => void)[] = [];
  let asked = 0;
  let steps = 0;
  const hooks: TrainingRunHooks = {
    chunk: () =>
      new Promise<void>((resolve) => {
        asked++;
        pending.push(() => {
          steps++;
          resolve();
        });
      }),
    finished: () => steps >= total,
    started: () => (root.dataset['state'] = 'computing'),
    stopped: () => (root.dataset['state'] = 'ready'),
    failed: () => (root.dataset['state'] = 'error'),
    forgotten: () => (steps = 0),
    changed: () => {},
    cancel: () => pending.splice(0),
    release: () => Promise.resolve(),
  };
  const run = new TrainingRun('run', hooks);
  let see: (seen: boolean) => void = () => {};
  pauseWhenUnseen({ root, label, keep }, run, PAUSED, (onChange) => {
    see = onChange;
    onChange(true);
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    run,
    root,
    label,
    keep,
    see: (seen: boolean) => see(seen),
    asked: () => asked,
    finishChunk: async () => {
      pending.shift()?.();
      await settle();
    },
    settle,
    toggleKeep: (checked: boolean) => {
      keep.checked = checked;
      keep.dispatchEvent(new Event('change'));
    },
  };
}

describe('pauseWhenUnseen: a training widget out of view', () => {
  test('says paused at once, asks for no chunk after the one in flight, and trains on when seen again', async () => {
    const w = widget();
    w.run.toggle();
    expect(w.root.dataset['state']).toBe('computing');
    w.see(false);
    expect(w.root.dataset['state']).toBe('paused');
    expect(w.label.textContent).toBe(PAUSED);
    await w.finishChunk();
    expect(w.asked()).toBe(1);
    expect(w.root.dataset['state']).toBe('paused'); // the loop's end while held is no "ready"
    w.see(true);
    await w.settle();
    expect(w.asked()).toBe(2);
    expect(w.root.dataset['state']).toBe('computing');
    expect(w.label.textContent).toBe('');
  });

  test('an idle or reader-paused widget out of view says nothing and keeps its state', async () => {
    const w = widget();
    w.see(false);
    expect(w.root.dataset['state']).toBe('idle');
    expect(w.label.textContent).toBe('');
    w.see(true);
    w.run.toggle();
    w.run.pause();
    await w.finishChunk();
    w.see(false);
    expect(w.root.dataset['state']).toBe('ready');
    w.see(true);
    await w.settle();
    expect(w.asked()).toBe(1);
  });

  test('the reader’s Pause while held stops the run: ready, no label, and seeing it again starts nothing', async () => {
    const w = widget();
    w.run.toggle();
    w.see(false);
    await w.finishChunk();
    w.run.toggle();
    expect(w.root.dataset['state']).toBe('ready');
    expect(w.label.textContent).toBe('');
    w.see(true);
    await w.settle();
    expect(w.asked()).toBe(1);
  });

  test('a run that finishes with its chunk in flight while held ends ready, not paused', async () => {
    const w = widget(1);
    w.run.toggle();
    w.see(false);
    await w.finishChunk();
    expect(w.root.dataset['state']).toBe('ready');
    expect(w.label.textContent).toBe('');
  });

  test('“Keep training in the background” keeps it training out of view; unchecking it there holds it', async () => {
    const w = widget();
    w.toggleKeep(true);
    w.run.toggle();
    w.see(false);
    expect(w.root.dataset['state']).toBe('computing');
    await w.finishChunk();
    expect(w.asked()).toBe(2);
    w.toggleKeep(false);
    expect(w.root.dataset['state']).toBe('paused');
    await w.finishChunk();
    expect(w.asked()).toBe(2);
    w.toggleKeep(true); // checking it out of view lifts the hold
    await w.settle();
    expect(w.asked()).toBe(3);
    expect(w.label.textContent).toBe('');
  });
});
