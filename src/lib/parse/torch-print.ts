/**
 * The module tree in the text `print(model)` writes, before any meaning is given to it.
 * torch.nn.Module.__repr__ prints a module as `ClassName(extra_repr)` on one line when it has no
 * children, and otherwise as `ClassName(`, its extra_repr lines, one `(name): <child>` line per
 * child (indented by two spaces per level), and `)`. A child set to None prints `(name): None`,
 * and nn.ModuleList prints runs of identical children once, as `(0-2): 3 x Block(…)`.
 *
 * The parser relies on the parentheses, not on the indentation, so text re-indented by a notebook
 * or an editor still parses. It is linear in the length of the text and refuses nesting deeper
 * than MAX_DEPTH.
 */
import { checkDepth, checkTextLength } from './limits.ts';
import { ParseError, type SourcePosition } from './parse-error.ts';

/** One printed module. */
export interface TorchNode {
  /** Its name in its parent (`features`, `0`), '' for the model itself. */
  readonly key: string;
  /** Its class name (`Conv2d`), or null for a child set to None. */
  readonly className: string | null;
  /** The one-line argument text, '' when none; null for a module printed over several lines. */
  readonly args: string | null;
  /** Where `args` starts (just after the opening parenthesis). */
  readonly argsAt: SourcePosition;
  /** extra_repr lines of a module printed over several lines. */
  readonly extra: readonly { readonly text: string; readonly at: SourcePosition }[];
  readonly children: readonly TorchNode[];
  /** Where its class name is. */
  readonly at: SourcePosition;
  /** For ModuleList's `(a-b): n x Block(…)`, the first and last index the one print stands for. */
  readonly repeat?: { readonly first: number; readonly last: number };
}

interface OpenNode {
  key: string;
  className: string;
  argsAt: SourcePosition;
  extra: { text: string; at: SourcePosition }[];
  children: TorchNode[];
  at: SourcePosition;
  repeat?: { first: number; last: number };
}

const HINT_MODULE = 'expected `Name(` or `Name(arguments)`, as print(model) writes them';

/**
 * Parse the printed text of one model into its module tree. Throws ParseError at the line and
 * column of the first line that is not part of a module print, of a `)` without a module to close,
 * or at the opening line of a module that is never closed.
 */
export function parseTorchPrint(text: string): TorchNode {
  checkTextLength(text);
  const stack: OpenNode[] = [];
  let root: TorchNode | undefined;
  const lines = text.split('\n');

  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\s+$/, '');
    const indent = content.length - content.trimStart().length;
    const body = content.trimStart();
    if (body === '') return;
    const at = (offset: number): SourcePosition => ({ line, column: indent + offset + 1 });
    const fail = (reason: string, offset = 0, hint = HINT_MODULE): never => {
      throw new ParseError(reason, at(offset), { hint });
    };
    const parent = stack[stack.length - 1];

    if (body === ')') {
      const closed =
        stack.pop() ?? fail('a ")" with no module open', 0, 'remove it, or paste the whole print(model) output');
      attach(stack[stack.length - 1], finished(closed));
      return;
    }
    if (root !== undefined && parent === undefined)
      fail('text after the end of the model', 0, 'paste one model at a time');

    const child = /^\(([^()]*)\): /.exec(body);
    if (child === null && parent !== undefined) {
      // extra_repr lines come before the children, and are not modules themselves.
      if (parent.children.length > 0 || body.startsWith('(') || /^[A-Za-z_][A-Za-z0-9_]*\(/.test(body)) {
        fail(`expected a child module, found "${clip(body)}"`, 0, 'expected `(name): Module(…)`');
      }
      parent.extra.push({ text: body, at: at(0) });
      return;
    }
    const key = child?.[1] ?? '';
    if (child !== null && parent === undefined)
      fail('a child module outside any module', 0, 'paste the whole print(model) output, from its first line');
    let offset = child?.[0].length ?? 0;
    let rest = body.slice(offset);

    let repeat: { first: number; last: number } | undefined;
    const range = /^(\d+)-(\d+)$/.exec(key);
    if (range !== null) {
      const times =
        /^(\d+) x /.exec(rest) ??
        fail(`expected "n x " after (${key})`, offset, 'as nn.ModuleList prints repeated children');
      repeat = { first: Number(range[1]), last: Number(range[2]) };
      if (repeat.last - repeat.first + 1 !== Number(times[1]) || repeat.last < repeat.first) {
        fail(`(${key}) does not hold ${times[1]} modules`, offset);
      }
      offset += times[0].length;
      rest = rest.slice(times[0].length);
    }

    if (rest === 'None') {
      if (parent === undefined || repeat !== undefined) fail('"None" is not a model', offset);
      else
        attach(parent, { key, className: null, args: '', argsAt: at(offset), extra: [], children: [], at: at(offset) });
      return;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*\(/.exec(rest) ?? fail(`expected a module, found "${clip(rest)}"`, offset);
    const className = name[0].slice(0, -1);
    const argsAt = at(offset + name[0].length);
    if (rest.length === name[0].length) {
      checkDepth(stack.length + 1, at(offset));
      stack.push({
        key,
        className,
        argsAt,
        extra: [],
        children: [],
        at: at(offset),
        ...(repeat === undefined ? {} : { repeat }),
      });
      return;
    }
    if (!rest.endsWith(')'))
      fail(`"${className}(" is not closed on its line`, rest.length, 'expected `)` at the end of the line');
    const node: TorchNode = {
      key,
      className,
      args: rest.slice(name[0].length, -1),
      argsAt,
      extra: [],
      children: [],
      at: at(offset),
      ...(repeat === undefined ? {} : { repeat }),
    };
    if (parent === undefined) root = node;
    else attach(parent, node);
  });

  const unclosed = stack[0];
  if (unclosed !== undefined) {
    const innermost = stack[stack.length - 1] ?? unclosed;
    throw new ParseError(`"${innermost.className}(" is never closed`, innermost.at, {
      hint: `expected \`)\` after its last child; the text may be cut short`,
    });
  }
  return root ?? fail0();

  function attach(parent: OpenNode | undefined, node: TorchNode): void {
    if (parent === undefined) root = node;
    else parent.children.push(node);
  }
}

function finished(open: OpenNode): TorchNode {
  return { ...open, args: null };
}

function fail0(): never {
  throw new ParseError('no model found', { line: 1, column: 1 }, { hint: 'paste the output of print(model)' });
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
