/**
 * Building SVG markup as strings, safely: every text and attribute value is escaped, so zoo
 * labels (or anything else) can never inject markup. Coordinates are rounded to 0.01 px so the
 * output is deterministic and compact.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` with &, <, >, " and ' escaped: safe as element text and as a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A coordinate or length in px, rounded to 0.01 ("12.5", "-3", "0"). */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Attribute values: numbers are rounded with `num`; undefined, null and false are left out. */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined | null>>;

/** ` name="value"` pairs in the given order, values escaped. */
export function attrs(values: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`;
  }
  return out;
}

/** `<tag attrs>children</tag>`, or `<tag attrs/>` without children. Children are markup. */
export function el(tag: string, attributes: Attrs, ...children: string[]): string {
  const inner = children.join('');
  return inner === '' ? `<${tag}${attrs(attributes)}/>` : `<${tag}${attrs(attributes)}>${inner}</${tag}>`;
}

/** `<tag attrs>text</tag>` with `text` escaped. */
export function textEl(tag: string, attributes: Attrs, text: string): string {
  return `<${tag}${attrs(attributes)}>${escapeXml(text)}</${tag}>`;
}

/** "translate(x,y)" with rounded coordinates. */
export function translate(x: number, y: number): string {
  return `translate(${num(x)},${num(y)})`;
}

/**
 * Estimated width in px of `text` in a sans-serif font of `fontSize` px. Diagrams are laid out
 * at build time without a DOM to measure in, so columns are sized from this deliberately
 * generous estimate (average advance 0.6 em; narrow glyphs count less, wide ones more).
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const c of text) {
    if ("il.,:;|!'·".includes(c)) ems += 0.3;
    else if ('fjrt()[]/ -'.includes(c)) ems += 0.4;
    else if ('mwMW×%'.includes(c)) ems += 0.9;
    else if (c >= 'A' && c <= 'Z') ems += 0.68;
    else ems += 0.58;
  }
  return ems * fontSize;
}
