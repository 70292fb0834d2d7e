/**
 * URL state of the Your-network widget: the reader's whole model, compressed by the parsers' URL
 * codec (`model`, empty for a zoo model left as loaded), the zoo model loaded last (`zoo`), and the
 * layer whose centre unit the effective receptive field is measured for (`layer`, empty for the
 * last spatial layer). The schema only keeps out what could never be a model; the widget decodes
 * `model` with `decodeModel`, which treats it as hostile.
 *
 * The schema is built from the zoo's ids so the code that runs in the browser does not carry the
 * zoo: the registry passes every id, the page's script the ids its HTML lists.
 */
import { MAX_URL_MODEL_CHARS } from '../../parse/limits.ts';
import { defineSchema, type StateOf } from '../schema.ts';

/** The zoo model the widget shows when the address names none. */
export const DEFAULT_ZOO_MODEL = 'resnet18';

/** What `encodeModel` writes: a one-letter tag (text or JSON), then base64url. */
export const ENCODED_MODEL = /^[tj][A-Za-z0-9_-]+$/;

/** A layer id as the parsers write them (module paths such as `layer1.0.conv1`). */
export const LAYER_ID = /^[A-Za-z0-9_.-]+$/;

/** The schema for a widget whose zoo select offers `zooIds` (which must include DEFAULT_ZOO_MODEL). */
export function yourNetworkSchema(zooIds: readonly string[]) {
  return defineSchema({
    model: {
      type: 'text',
      label: 'Model',
      help: 'The whole model as the Share button writes it: compressed text or JSON. Empty: the zoo model as loaded.',
      default: '',
      maxLength: MAX_URL_MODEL_CHARS,
      pattern: ENCODED_MODEL,
      allowed: "a model written by this widget's Share link",
    },
    zoo: {
      type: 'enum',
      label: 'Zoo model',
      help: "The zoo model loaded into the editor, by torchvision's id; ignored when a model is given.",
      default: DEFAULT_ZOO_MODEL,
      values: zooIds,
    },
    layer: {
      type: 'text',
      label: 'ERF layer',
      help: 'The layer whose centre unit the effective receptive field is measured for; empty: the last spatial layer.',
      default: '',
      maxLength: 64,
      pattern: LAYER_ID,
      allowed: 'a layer id (letters, digits, _ . -)',
    },
  });
}

export type YourNetworkSchema = ReturnType<typeof yourNetworkSchema>;

/** The widget's whole state. */
export type YourNetworkState = StateOf<YourNetworkSchema>;
