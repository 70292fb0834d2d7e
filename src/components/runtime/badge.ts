/**
 * The backend badge every compute widget shows: where its last job ran and how long it took,
 * plus a note when the job moved backend or the runtime fell back to the main thread.
 * Text only (textContent): nothing here can inject markup.
 */
import { BACKEND_LABELS } from '../../lib/worker/backend-ladder.ts';
import type { JobMeta } from '../../lib/worker/protocol.ts';
import type { RuntimeStrings } from '../../i18n/strings.ts';

/** Updates `badge` (a `.backend-badge` element) after a job, in the words of `runtime`. */
export function showJobMeta(badge: HTMLElement, meta: JobMeta, mainThread: boolean, runtime: RuntimeStrings): void {
  const label = badge.querySelector<HTMLElement>('[data-badge-text]');
  const note = badge.querySelector<HTMLElement>('[data-badge-note]');
  badge.dataset['backend'] = meta.backend;
  if (label) label.textContent = runtime.ranOn(BACKEND_LABELS[meta.backend], meta.ms);
  const notes: string[] = [];
  const why = meta.fellBackFrom ? null : whyText(meta, runtime);
  if (why) notes.push(why);
  if (meta.fellBackFrom) {
    notes.push(
      runtime.fellBack(BACKEND_LABELS[meta.fellBackFrom], BACKEND_LABELS[meta.backend], meta.fallbackReason ?? ''),
    );
  }
  if (meta.recoveredFromContextLoss) notes.push(runtime.recovered);
  if (mainThread) notes.push(runtime.mainThread);
  if (note) {
    note.textContent = notes.join(' ');
    note.hidden = notes.length === 0;
  }
}

/** Why the job ran where it did, in words; null when there is nothing to explain (the only backend). */
function whyText(meta: JobMeta, runtime: RuntimeStrings): string | null {
  const backend = BACKEND_LABELS[meta.backend];
  switch (meta.why?.basis) {
    case 'forced':
      return runtime.chosenForced(backend);
    case 'software-gpu':
      return runtime.chosenSoftwareGpu(backend, meta.why.renderer);
    case 'measured':
      return runtime.chosenMeasured(backend, BACKEND_LABELS[meta.why.versus], meta.why.ratio);
    default:
      return null;
  }
}
