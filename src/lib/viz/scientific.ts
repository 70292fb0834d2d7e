/**
 * Numbers spanning many decades, written for readers: 10⁻³ on axes, 2.3·10⁻⁷ in tables.
 */

/** An integer exponent in superscript digits: −12 → "⁻¹²". */
export function superscript(exponent: number): string {
  return String(exponent)
    .replace('-', '⁻')
    .replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] ?? d);
}

/** A power of ten as an axis label: 1, 10, 10⁻³. */
export function powerOfTen(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  return `10${superscript(exponent)}`;
}

/** A positive finite number as mantissa·10^exponent with one decimal: 2.3·10⁻⁷. */
export function scientific(value: number): string {
  let exponent = Math.floor(Math.log10(value));
  let mantissa = value / 10 ** exponent;
  if (Number(mantissa.toFixed(1)) >= 10) {
    exponent += 1;
    mantissa /= 10;
  }
  return `${mantissa.toFixed(1)}·10${superscript(exponent)}`;
}
