/**
 * A training widget's run in the worker, and the Train / Pause / Resume / Reset behaviour the
 * three training widgets share (the skip-connection lab, ReLU vs tanh, LeNet-5 live): a loop of
 * short chunks, where Pause stops asking for the next chunk (so it takes effect within one), a
 * Train pressed while the paused loop's last chunk is still in flight lets that loop go on (a
 * second loop would cancel the chunk while the run in the worker had already advanced), Reset
 * cancels and frees the run, and a run the worker lost (a restarted worker, a lost GPU context)
 * is forgotten. The widget supplies the chunk and the drawing through hooks.
 *
 * Apart from the reader's Pause there is a hold (pause-when-unseen.ts: the widget is out of view
 * or its tab hidden): the loop asks for no next chunk while it is on, yet the reader's wish to
 * train stands, so the loop goes on by itself when the hold is lifted. A reader's Pause, a Reset
 * or a lost run while held are the reader's (or the worker's) and stay so when the hold lifts.
 */
import { failureCode } from '../../lib/worker/client.ts';

export interface TrainingRunHooks {
  /** Trains the next chunk of the run `runId` in the worker; resolves once its steps are on the page. */
  chunk(runId: string): Promise<void>;
  /** Whether the page's history has reached the run's last step. */
  finished(): boolean;
  /** A loop starts: the first chunk is about to be asked for. */
  started(): void;
  /** The loop stopped without an error: the run finished, or the reader paused it. */
  stopped(): void;
  /** A chunk failed (a superseded job too: the widget words or ignores it). */
  failed(error: unknown): void;
  /** The page's record of the run is gone (Reset, or the worker lost the run): clear it. */
  forgotten(): void;
  /** The run or its running state changed: redraw the controls and the status line. */
  changed(): void;
  /** Stops the chunk in flight (the training channel's cancel). */
  cancel(): void;
  /** Frees the run in the worker (the widget's reset job). */
  release(): Promise<unknown>;
}

/** Whether `error` means the worker no longer holds the page's run. */
export function runLost(error: unknown): boolean {
  const code = failureCode(error);
  return code === 'run-missing' || code === 'worker-restarted';
}

export class TrainingRun {
  #runId: string | null = null;
  #running = false;
  /** Whether the hold is on (out of view): no next chunk is asked for. */
  #held = false;
  /** Whether the last loop ended for the hold alone (the reader still wants it training). */
  #heldStop = false;
  readonly #listeners: (() => void)[] = [];
  /** Bumped when the run is forgotten, so a loop of a forgotten run stops and a new one may start. */
  #generation = 0;
  /** The generation of the loop in flight, or null when none is. */
  #loopOf: number | null = null;
  readonly #prefix: string;
  readonly #hooks: TrainingRunHooks;

  /** Runs get ids `<prefix>-<time>-<random>`, unique per page and worker. */
  constructor(prefix: string, hooks: TrainingRunHooks) {
    this.#prefix = prefix;
    this.#hooks = hooks;
  }

  /** The run the worker holds (null before the first Train and after Reset). */
  get runId(): string | null {
    return this.#runId;
  }

  /** Whether the reader wants it training (false after Pause, though a chunk may still be in flight). */
  get running(): boolean {
    return this.#running;
  }

  /** Whether a loop is still in flight (after Pause, until its last chunk is in). */
  get looping(): boolean {
    return this.#loopOf === this.#generation;
  }

  /** Whether the hold is what keeps it from training: the reader wants it training and it is held. */
  get onHold(): boolean {
    return this.#running && this.#held;
  }

  /** Calls `listener` after the widget's own `changed` hook, whenever that is called. */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  /** What the Train button does: Pause while training, else Train (or Resume). */
  toggle(): void {
    if (this.#running) {
      this.pause();
      return;
    }
    this.#runId ??= `${this.#prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.#running = true;
    this.#heldStop = false;
    this.#changed();
    // A loop in flight sees `running` and goes on; a held run starts when the hold lifts.
    if (!this.looping && !this.#held) void this.#loop();
  }

  /** Stops after the chunk in flight. */
  pause(): void {
    if (!this.#running) return;
    this.#running = false;
    // A loop the hold ended said nothing: the reader's Pause is its stop.
    if (this.#heldStop) {
      this.#heldStop = false;
      this.#hooks.stopped();
    }
    this.#changed();
  }

  /** Holds the loop (the widget went out of view): the chunk in flight finishes, no next one is asked for. */
  hold(): void {
    if (this.#held) return;
    this.#held = true;
    this.#changed();
  }

  /** Lifts the hold: a run the reader has training goes on (a new loop unless one is still in flight). */
  unhold(): void {
    if (!this.#held) return;
    this.#held = false;
    this.#heldStop = false;
    this.#changed();
    if (this.#running && this.#runId !== null && !this.looping) void this.#loop();
  }

  /** Cancels the chunk in flight, forgets the run and frees it in the worker. */
  reset(): void {
    this.#hooks.cancel();
    this.forget();
    this.#hooks.release().catch((error: unknown) => this.#hooks.failed(error));
  }

  /** Forgets the run (the worker lost it, or Reset). */
  forget(): void {
    this.#running = false;
    this.#heldStop = false;
    this.#runId = null;
    this.#generation++;
    this.#hooks.forgotten();
    this.#changed();
  }

  /** Forgets the run when `error` says the worker lost it; true if it did. */
  forgetIfLost(error: unknown): boolean {
    if (!runLost(error) || this.#runId === null) return false;
    this.forget();
    return true;
  }

  async #loop(): Promise<void> {
    const generation = this.#generation;
    const current = (): boolean => generation === this.#generation;
    this.#loopOf = generation;
    this.#hooks.started();
    try {
      while (this.#running && !this.#held && current() && this.#runId !== null && !this.#hooks.finished()) {
        await this.#hooks.chunk(this.#runId);
      }
      if (!current()) return;
      if (this.#running && this.#held && !this.#hooks.finished()) {
        this.#heldStop = true; // still training as far as the reader is concerned: unhold goes on
        return;
      }
      this.#running = false;
      this.#loopOf = null;
      this.#hooks.stopped();
    } catch (error) {
      if (!current()) return; // a chunk of a forgotten run: Reset has said what there is to say
      this.#running = false;
      this.#loopOf = null;
      this.#hooks.failed(error);
    } finally {
      if (this.#loopOf === generation) this.#loopOf = null;
      if (current()) this.#changed();
    }
  }

  #changed(): void {
    this.#hooks.changed();
    for (const listener of this.#listeners) listener();
  }
}

/** What a training widget shows while its loop runs: its `data-state`, error line and status line. */
export interface LoopViews {
  readonly root: HTMLElement;
  readonly error: HTMLElement;
  readonly status: HTMLElement;
  /** The status while the first chunk loads the data ("Loading the MNIST digits…"). */
  readonly loading: string;
  /** Whether the page has no steps yet. */
  empty(): boolean;
}

/**
 * The `started` and `stopped` hooks the side-by-side widgets share: computing while the loop
 * runs, with the error line hidden and a loading status before the first step; ready after, with
 * the status cleared, then `after` (the widget's own redraw).
 */
export function loopStateHooks(views: LoopViews, after: () => void): Pick<TrainingRunHooks, 'started' | 'stopped'> {
  return {
    started: () => {
      views.root.dataset['state'] = 'computing';
      views.error.hidden = true;
      if (views.empty()) views.status.textContent = views.loading;
    },
    stopped: () => {
      views.root.dataset['state'] = 'ready';
      views.status.textContent = '';
      after();
    },
  };
}
