import { describe, expect, test } from 'vitest';
import { TrainingRun, type TrainingRunHooks } from '../../../src/components/widget/training-run.ts';
import { JobFailed, JobSuperseded } from '../../../src/lib/worker/client.ts';

/**
 * A run of `total` steps whose chunks (one step each) finish when the test says so, as a worker's
 * would: `chunks` holds the pending ones; `cancel` rejects the one in flight as the channel does.
 */
function harness(total = 3) {
  const events: string[] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void; runId: string }[] = [];
  let steps = 0;
  let inFlight = 0;
  let most = 0;
  const hooks: TrainingRunHooks = {
    chunk: (runId) =>
      new Promise<void>((resolve, reject) => {
        inFlight++;
        most = Math.max(most, inFlight);
        events.push(`chunk ${runId.split('-')[0]} @${steps}`);
        pending.push({
          runId,
          resolve: () => {
            inFlight--;
            steps++;
            resolve();
          },
          reject: (e) => {
            inFlight--;
            reject(e);
          },
        });
      }),
    finished: () => steps >= total,
    started: () => events.push('started'),
    stopped: () => events.push('stopped'),
    failed: (e) => events.push(`failed ${(e as Error).name}`),
    forgotten: () => {
      steps = 0;
      events.push('forgotten');
    },
    changed: () => {},
    cancel: () => pending.splice(0).forEach((p) => p.reject(new JobSuperseded('cancelled'))),
    release: () => {
      events.push('released');
      return Promise.resolve();
    },
  };
  /** Lets the chunk in flight finish, then the loop take its next step. */
  const finishChunk = async (): Promise<void> => {
    pending.shift()!.resolve();
    await new Promise((r) => setTimeout(r, 0));
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { hooks, events, pending, finishChunk, settle, most: () => most, steps: () => steps };
}

describe('a training widget’s run: Train, Pause, Resume, Reset', () => {
  test('Train runs chunks until the run is finished, one at a time', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    expect(run.running).toBe(true);
    expect(run.runId).toMatch(/^lab-/);
    for (let i = 0; i < 3; i++) await h.finishChunk();
    expect(h.events).toEqual(['started', 'chunk lab @0', 'chunk lab @1', 'chunk lab @2', 'stopped']);
    expect(run.running).toBe(false);
    expect(run.looping).toBe(false);
    expect(h.most()).toBe(1);
  });

  test('Pause takes effect after the chunk in flight; Train at once lets that loop go on (no second loop)', async () => {
    const h = harness(4);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.toggle(); // Pause, while chunk 1 is in flight
    expect(run.running).toBe(false);
    expect(run.looping).toBe(true);
    run.toggle(); // Train again before that chunk is in
    run.toggle();
    run.toggle();
    for (let i = 0; i < 4; i++) await h.finishChunk();
    expect(h.most()).toBe(1);
    expect(h.events.filter((e) => e === 'started')).toHaveLength(1);
    expect(h.steps()).toBe(4);
    expect(h.events.at(-1)).toBe('stopped');
  });

  test('a paused run stops after its chunk and resumes with the same run id', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    const id = run.runId;
    run.pause();
    await h.finishChunk();
    expect(run.looping).toBe(false);
    expect(h.events.at(-1)).toBe('stopped');
    run.toggle();
    expect(run.runId).toBe(id);
    expect(h.pending[0]?.runId).toBe(id);
  });

  test('a failed chunk stops the loop and is reported once', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    h.pending.shift()!.reject(new JobFailed('out of memory', 'out-of-memory'));
    await h.settle();
    expect(h.events).toEqual(['started', 'chunk lab @0', 'failed JobFailed']);
    expect(run.running).toBe(false);
    expect(run.looping).toBe(false);
    expect(run.runId).not.toBeNull(); // the run is still there: Resume retries
  });

  test('a run the worker lost is forgotten; other errors leave it', () => {
    const h = harness();
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    expect(run.forgetIfLost(new JobFailed('gone', 'invalid-config'))).toBe(false);
    expect(run.forgetIfLost(new JobFailed('the worker restarted', 'worker-restarted'))).toBe(true);
    expect(run.runId).toBeNull();
    expect(run.running).toBe(false);
    expect(h.events).toContain('forgotten');
  });

  test('Reset cancels the chunk in flight without an error, frees the run, and Train starts a new one at once', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    const first = run.runId;
    run.reset();
    expect(run.runId).toBeNull();
    run.toggle(); // before the cancelled chunk's rejection has been seen
    await h.settle();
    expect(run.runId).not.toBe(first);
    expect(h.events).toEqual(['started', 'chunk lab @0', 'forgotten', 'released', 'started', 'chunk lab @0']);
    await h.finishChunk();
    await h.finishChunk();
    await h.finishChunk();
    expect(h.events.at(-1)).toBe('stopped');
    expect(h.most()).toBe(1);
  });
});

describe('a training widget’s run held while out of view (pause-when-unseen.ts)', () => {
  test('the hold lets the chunk in flight finish, asks for no next one, and the run goes on by itself when lifted', async () => {
    const h = harness(5);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.hold();
    expect(run.onHold).toBe(true);
    await h.finishChunk();
    expect(h.pending).toHaveLength(0);
    expect(run.looping).toBe(false);
    expect(run.running).toBe(true); // the reader's wish stands
    expect(h.events).not.toContain('stopped'); // nothing says "ready": the widget shows it paused
    run.unhold();
    expect(run.onHold).toBe(false);
    await h.settle();
    expect(h.pending).toHaveLength(1);
    for (let i = 0; i < 4; i++) await h.finishChunk();
    expect(h.steps()).toBe(5);
    expect(h.events.at(-1)).toBe('stopped');
    expect(h.most()).toBe(1);
  });

  test('lifting the hold inside the chunk in flight lets that loop go on (no second loop)', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.hold();
    run.unhold();
    run.hold();
    run.unhold();
    for (let i = 0; i < 3; i++) await h.finishChunk();
    expect(h.events.filter((e) => e === 'started')).toHaveLength(1);
    expect(h.most()).toBe(1);
    expect(h.steps()).toBe(3);
  });

  test('a run the reader paused stays paused when the hold lifts', async () => {
    const h = harness(5);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.pause();
    await h.finishChunk();
    run.hold();
    expect(run.onHold).toBe(false); // nothing to hold: the widget does not say "paused while out of view"
    run.unhold();
    await h.settle();
    expect(h.pending).toHaveLength(0);
    expect(run.running).toBe(false);
  });

  test('Pause while held is the reader’s: it reports the stop, and lifting the hold does not restart', async () => {
    const h = harness(5);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.hold();
    await h.finishChunk();
    run.toggle(); // the Train button says Pause while held
    expect(run.running).toBe(false);
    expect(h.events.at(-1)).toBe('stopped');
    run.unhold();
    await h.settle();
    expect(h.pending).toHaveLength(0);
    run.toggle(); // Resume, in view
    await h.settle();
    expect(h.pending).toHaveLength(1);
    expect(h.events.filter((e) => e === 'stopped')).toHaveLength(1);
  });

  test('Train pressed while held starts nothing until the hold lifts', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.hold();
    run.toggle();
    expect(run.onHold).toBe(true);
    await h.settle();
    expect(h.pending).toHaveLength(0);
    run.unhold();
    await h.settle();
    expect(h.events).toEqual(['started', 'chunk lab @0']);
  });

  test('Reset while held forgets the run; lifting the hold starts nothing, and a new Train waits for it', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.hold();
    run.reset(); // cancels the chunk in flight
    await h.settle();
    expect(run.runId).toBeNull();
    expect(run.onHold).toBe(false);
    run.unhold();
    await h.settle();
    expect(h.pending).toHaveLength(0);
    run.hold();
    run.toggle();
    await h.settle();
    expect(h.pending).toHaveLength(0);
    run.unhold();
    await h.settle();
    expect(h.pending).toHaveLength(1);
    expect(h.events).toEqual(['started', 'chunk lab @0', 'forgotten', 'released', 'started', 'chunk lab @0']);
  });

  test('a run the worker lost while held is forgotten, and the hold lifting starts nothing', async () => {
    const h = harness(3);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.hold();
    await h.finishChunk();
    expect(run.forgetIfLost(new JobFailed('the worker restarted', 'worker-restarted'))).toBe(true);
    run.unhold();
    await h.settle();
    expect(h.pending).toHaveLength(0);
    expect(run.running).toBe(false);
  });

  test('a run that finishes with the chunk in flight when held stops as usual', async () => {
    const h = harness(1);
    const run = new TrainingRun('lab', h.hooks);
    run.toggle();
    run.hold();
    await h.finishChunk();
    expect(run.running).toBe(false);
    expect(run.onHold).toBe(false);
    expect(h.events.at(-1)).toBe('stopped');
  });

  test('listeners hear every change after the widget’s own hook: Train, the hold, its lifting', async () => {
    const h = harness(3);
    const seen: boolean[] = [];
    const run = new TrainingRun('lab', h.hooks);
    run.onChange(() => seen.push(run.onHold));
    run.toggle();
    run.hold();
    run.hold(); // no change, no call
    run.unhold();
    expect(seen).toEqual([false, true, false]);
  });
});
