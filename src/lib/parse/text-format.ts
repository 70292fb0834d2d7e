/**
 * `parseText(text)`: a ModelSpec from our own text format, documented for readers in
 * docs/text-format.md. In short:
 *
 *     model tiny "A tiny net"     # optional header lines: id and name,
 *     input 3x32x32               # input channels×height×width (default 3x224x224),
 *     sources he2016              # bibliography keys
 *     conv 16 kernel=3 padding=1  # one layer per line: a word, one bare value, key=value fields
 *     relu
 *     block1: residual {          # `id:` names a layer (default: its word and position, `conv1`)
 *       conv 16 kernel=3 padding=1
 *     } shortcut {                # optional; without it the shortcut is the identity
 *       conv 16 kernel=1
 *     }
 *     concat {                    # two or more `branch { … }`; an empty branch is the input itself
 *       branch { }
 *       branch {
 *         conv 8 kernel=1
 *       }
 *     }
 *     group head {                # groups name parts of the model for diagrams
 *       globalavgpool
 *       dense 10
 *     }
 *
 * Layers are checked as they are read, so shape errors point at their line.
 */
import type { InputOptions, ParsedModel } from './outcome.ts';
import { checkDepth, checkInputShape, checkTextLength } from './limits.ts';
import { ParseError, type SourcePosition } from './parse-error.ts';
import { SpecBuilder, type LayerBody, type Source } from './spec-builder.ts';
import { ACTIVATION_WORDS, LINE_SYNTAX, WORD_HINTS } from './text-layers.ts';
import { tokenize, type Token } from './text-tokens.ts';
import { readString, readValue } from './text-values.ts';

/** Ids: letters, digits, `_`, `.`, `-`. */
export const ID = /^[A-Za-z0-9_.-]+$/;

type Frame =
  | { readonly type: 'group'; readonly name: string; readonly at: SourcePosition }
  | {
      readonly type: 'residual';
      readonly id: string | undefined;
      readonly label: string | undefined;
      readonly fork: string;
      readonly at: SourcePosition;
      main: string | undefined;
      padded: boolean;
    }
  | {
      readonly type: 'concat';
      readonly id: string | undefined;
      readonly label: string | undefined;
      readonly fork: string;
      readonly at: SourcePosition;
      readonly outputs: string[];
    }
  | { readonly type: 'branch'; readonly at: SourcePosition };

const HEADER_HINT = 'header lines (`model`, `input`, `sources`) come before the first layer';

/**
 * Parse `text`. Throws ParseError at the line and column of the first problem: an unknown word or
 * key, a bad or missing value (with the expected form), a block never closed or closed twice, a
 * layer that does not fit its input (naming it), or a model over the size limits.
 */
export function parseText(text: string, options: InputOptions = {}): ParsedModel {
  checkTextLength(text);
  const lines = text.split('\n');
  const explicitIds = new Set<string>();
  for (const line of lines) {
    const match = /^\s*([A-Za-z0-9_.-]+):(?:\s|$)/.exec(line);
    if (match?.[1] !== undefined) explicitIds.add(match[1]);
  }

  let meta = { id: 'pasted', name: 'model', sources: [] as string[] };
  let inputShape: readonly [number, number, number] = options.inputShape ?? [224, 224, 3];
  let builder: SpecBuilder | undefined;
  const stack: Frame[] = [];
  let cursor: Source = null;
  let last: SourcePosition = { line: 1, column: 1 };

  const build = (): SpecBuilder => (builder ??= new SpecBuilder(inputShape));
  const groups = (): string[] => stack.flatMap((f) => (f.type === 'group' ? [f.name] : []));
  const autoId = (word: string): string => {
    const base = `${word}${build().count + 1}`;
    let id = base;
    for (let n = 2; explicitIds.has(id) || build().has(id); n++) id = `${base}_${n}`;
    return id;
  };

  lines.forEach((line, index) => {
    const tokens = tokenize(line, index + 1);
    const first = tokens[0];
    if (first === undefined) return;
    const at = (token: Token | undefined = first): SourcePosition => ({ line: index + 1, column: token?.column ?? 1 });
    const fail = (reason: string, token?: Token, hint?: string): never => {
      throw new ParseError(reason, at(token), hint === undefined ? {} : { hint });
    };
    last = at();
    const top = stack[stack.length - 1];

    if (first.text === '}') {
      closeFrame(tokens, fail);
      return;
    }
    if (first.text === 'model' || first.text === 'input' || first.text === 'sources') {
      if (builder !== undefined || stack.length > 0) fail(`"${first.text}" after the first layer`, first, HEADER_HINT);
      header(tokens, fail);
      return;
    }
    if (first.text === 'branch') {
      const concat =
        top?.type === 'concat'
          ? top
          : fail('"branch" outside a concat block', first, 'write `concat {`, then its branches');
      expectTokens(tokens, ['branch', '{'], ['branch', '{', '}'], fail);
      if (tokens.length === 3) concat.outputs.push(concat.fork);
      else stack.push({ type: 'branch', at: at() });
      cursor = concat.fork;
      return;
    }
    if (top?.type === 'concat') fail(`expected "branch {" in a concat block, found "${first.text}"`, first);
    if (first.text === 'group') {
      expectTokens(tokens, ['group', '*', '{'], undefined, fail);
      const name = tokens[1]?.text ?? '';
      if (!ID.test(name)) fail(`bad group name "${name}"`, tokens[1], 'letters, digits, _ . -');
      checkDepth(stack.length + 1, at());
      stack.push({ type: 'group', name, at: at() });
      return;
    }

    const named = first.text.endsWith(':') ? first.text.slice(0, -1) : undefined;
    if (named !== undefined && !ID.test(named)) fail(`bad id "${named}"`, first, 'ids use letters, digits, _ . -');
    const rest = named === undefined ? tokens : tokens.slice(1);
    const word = rest[0] ?? fail(`nothing after "${first.text}"`, first, 'expected a layer, e.g. `conv 64 kernel=3`');

    if (word.text === 'residual' || word.text === 'concat') {
      const open = rest[rest.length - 1];
      if (open?.text !== '{') fail(`expected "{" at the end of the ${word.text} line`, open ?? word);
      const fields = readFields(rest.slice(1, -1), { label: 'string' }, fail);
      const fork =
        cursor ??
        fail(`a ${word.text} block cannot start the model`, word, 'its branches fork from a layer: put one before it');
      checkDepth(stack.length + 1, at());
      const common = { id: named, label: fields['label'] as string | undefined, fork, at: at(word) };
      stack.push(
        word.text === 'residual'
          ? { type: 'residual', ...common, main: undefined, padded: false }
          : { type: 'concat', ...common, outputs: [] },
      );
      return;
    }

    const body = layerBody(rest, fail);
    const id = named ?? autoId(word.text);
    cursor = build().add(id, body, cursor, { at: at(word), group: groups(), what: word.text });
    if (body.kind === 'padshortcut') {
      const residual = [...stack].reverse().find((f) => f.type === 'residual');
      if (residual?.type === 'residual' && residual.main !== undefined) residual.padded = true;
    }
  });

  const open = stack[stack.length - 1];
  if (open !== undefined) {
    const what = open.type === 'group' ? `group ${open.name}` : open.type;
    throw new ParseError(`"${what} {" is never closed`, open.at, { hint: 'expected `}`; the text may be cut short' });
  }
  if (builder === undefined)
    throw new ParseError('the model has no layers', last, { hint: 'add a layer, e.g. `conv 16 kernel=3`' });
  const { spec, analysis } = builder.finish(meta, last);
  return { spec, analysis, warnings: [] };

  function header(tokens: readonly Token[], fail: (reason: string, token?: Token, hint?: string) => never): void {
    const [word, ...args] = tokens;
    if (word?.text === 'model') {
      const [id, name, extra] = args;
      if (id === undefined || !ID.test(id.text)) fail('bad model id', id ?? word, 'expected `model ID "Name"`');
      const display = name === undefined ? id.text : readString(name.text);
      if (display === undefined || extra !== undefined) fail('bad model name', name, 'expected `model ID "Name"`');
      meta = { ...meta, id: id.text, name: display };
    } else if (word?.text === 'input') {
      const match = args.length === 1 ? /^(\d+)x(\d+)x(\d+)$/.exec(args[0]?.text ?? '') : null;
      if (match === null)
        return fail('bad input size', args[0] ?? word, 'expected `input CxHxW`, e.g. `input 3x224x224`');
      const shape = [Number(match[2]), Number(match[3]), Number(match[1])] as const;
      checkInputShape(shape, { line: last.line, column: args[0]?.column ?? 1 });
      if (options.inputShape === undefined) inputShape = shape;
    } else {
      meta = { ...meta, sources: args.map((t) => (ID.test(t.text) ? t.text : fail(`bad source "${t.text}"`, t))) };
    }
  }

  function closeFrame(tokens: readonly Token[], fail: (reason: string, token?: Token, hint?: string) => never): void {
    const frame = stack.pop() ?? fail('a "}" with no block open', tokens[0], 'remove it');
    if (tokens.length > 1) {
      expectTokens(tokens, ['}', 'shortcut', '{'], undefined, fail);
      if (frame.type !== 'residual' || frame.main !== undefined)
        fail('"} shortcut {" only ends the main branch of a residual block', tokens[1]);
      if (cursor === frame.fork) fail('the residual branch is empty', tokens[0], 'put layers before `} shortcut {`');
      frame.main = cursor as string;
      cursor = frame.fork;
      stack.push(frame);
      return;
    }
    if (frame.type === 'group') return;
    if (frame.type === 'branch') {
      const concat = stack[stack.length - 1];
      if (concat?.type === 'concat' && cursor !== null) concat.outputs.push(cursor);
      return;
    }
    const group = groups();
    if (frame.type === 'residual') {
      const main = frame.main ?? (cursor as string);
      const shortcut = frame.main === undefined ? frame.fork : (cursor as string);
      if (main === frame.fork) fail('the residual branch is empty', tokens[0], 'put layers inside `residual { … }`');
      const body: LayerBody = {
        kind: 'add',
        shortcut: shortcut === frame.fork ? 'identity' : frame.padded ? 'padding' : 'projection',
        ...(frame.label === undefined ? {} : { label: frame.label }),
      };
      cursor = build().add(frame.id ?? autoId('add'), body, [main, shortcut], {
        at: frame.at,
        group,
        what: 'residual',
      });
      return;
    }
    if (frame.outputs.length < 2)
      fail('a concat block needs two or more branches', tokens[0], 'add `branch { … }` blocks');
    const body: LayerBody = { kind: 'concat', ...(frame.label === undefined ? {} : { label: frame.label }) };
    cursor = build().add(frame.id ?? autoId('concat'), body, frame.outputs, { at: frame.at, group, what: 'concat' });
  }
}

/** The layer a line (without its id) describes. */
function layerBody(tokens: readonly Token[], fail: (reason: string, token?: Token, hint?: string) => never): LayerBody {
  const [word, ...args] = tokens;
  if (word === undefined) return fail('expected a layer');
  if ((ACTIVATION_WORDS as readonly string[]).includes(word.text)) {
    const fields = readFields(args, { label: 'string' }, fail);
    return { kind: 'activation', activation: word.text as (typeof ACTIVATION_WORDS)[number], ...fields } as LayerBody;
  }
  const syntax = Object.hasOwn(LINE_SYNTAX, word.text) ? LINE_SYNTAX[word.text] : undefined;
  if (syntax === undefined) {
    const lower = word.text.toLowerCase();
    const instead = Object.hasOwn(WORD_HINTS, lower) ? WORD_HINTS[lower] : undefined;
    return fail(
      `unknown layer "${word.text}"`,
      word,
      instead === undefined
        ? `known: ${[...Object.keys(LINE_SYNTAX), ...ACTIVATION_WORDS].join(', ')}`
        : `did you mean \`${instead}\`?`,
    );
  }
  const bare = args[0] !== undefined && !args[0].text.includes('=') ? args[0] : undefined;
  const fields: Record<string, unknown> = readFields(bare === undefined ? args : args.slice(1), syntax.keys, fail);
  if (syntax.positional !== undefined) {
    const example = `${word.text} ${syntax.positional.type === 'int' ? '64' : '0.5'}`;
    if (bare === undefined) fail(`missing the ${syntax.positional.field}`, word, `expected \`${example}\``);
    const value = readValue(bare.text, syntax.positional.type);
    if (value === undefined) fail(`bad ${syntax.positional.field} "${bare.text}"`, bare, `expected \`${example}\``);
    fields[syntax.positional.field] = value;
  } else if (bare !== undefined) {
    fail(`unexpected "${bare.text}"`, bare, `${word.text} takes only key=value fields`);
  }
  const missing = syntax.required.find((key) => !(key in fields));
  if (missing !== undefined)
    fail(`missing ${missing}`, word, `expected \`${missing}=${syntax.keys[missing] === 'pair' ? 'k' : '…'}\``);
  return { kind: syntax.kind, ...fields } as LayerBody;
}

/** `key=value` tokens, each key one of `keys`, at most once. */
function readFields(
  tokens: readonly Token[],
  keys: Readonly<Record<string, Parameters<typeof readValue>[1]>>,
  fail: (reason: string, token?: Token, hint?: string) => never,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const token of tokens) {
    const eq = token.text.indexOf('=');
    const key = eq === -1 ? token.text : token.text.slice(0, eq);
    const type = Object.hasOwn(keys, key) ? keys[key] : undefined;
    if (eq === -1 || type === undefined) {
      fail(
        `unexpected "${token.text}"`,
        token,
        `expected one of ${Object.keys(keys)
          .map((k) => `\`${k}=…\``)
          .join(', ')}`,
      );
    }
    if (key in fields) fail(`${key} is given twice`, token);
    const value = readValue(token.text.slice(eq + 1), type);
    const form = {
      int: '64',
      number: '0.5',
      pair: '3 or 3x5',
      bool: 'true or false',
      table: '101/011',
      string: '"text"',
    }[type];
    if (value === undefined) fail(`bad ${key} "${token.text.slice(eq + 1)}"`, token, `expected \`${key}=${form}\``);
    fields[key] = value;
  }
  return fields;
}

/** Fails unless the tokens' texts are `form` (or `alt`); `*` matches any token. */
function expectTokens(
  tokens: readonly Token[],
  form: readonly string[],
  alt: readonly string[] | undefined,
  fail: (reason: string, token?: Token, hint?: string) => never,
): void {
  const fits = (f: readonly string[]): boolean =>
    f.length === tokens.length && f.every((t, i) => t === '*' || tokens[i]?.text === t);
  if (!fits(form) && (alt === undefined || !fits(alt))) {
    const bad = tokens.find((t, i) => form[i] !== '*' && form[i] !== t.text) ?? tokens[tokens.length - 1];
    fail(`expected \`${form.join(' ').replace('*', 'NAME')}\``, bad);
  }
}
