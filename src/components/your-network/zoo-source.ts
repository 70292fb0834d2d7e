/**
 * A zoo model as the editor shows it: in our text format when that can express it (shorter and
 * easier to edit), else as the JSON spec.
 */
import type { ModelSpec } from '../../lib/models/types.ts';
import type { ModelFormat } from '../../lib/parse/outcome.ts';
import { toJson } from '../../lib/parse/json-spec.ts';
import { textExpressible, toText } from '../../lib/parse/text-write.ts';

/** `spec` as editable source: its text and the format it is in ('text' or 'json'). */
export function zooSource(spec: ModelSpec): { readonly text: string; readonly format: ModelFormat } {
  return textExpressible(spec).ok ? { text: toText(spec), format: 'text' } : { text: toJson(spec), format: 'json' };
}
