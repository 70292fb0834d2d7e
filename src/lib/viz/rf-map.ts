/**
 * One map of the receptive-field explorer as SVG: the input image (a data URL the widget draws
 * from erfOverlayPixels), the unit's theoretical field as a box, its effective size as a dashed
 * square and the unit's centre. The frame grows to show boxes that reach into the zero padding
 * around the image, up to `maxScale` times the image. Pure: data in, markup out.
 *
 * Coordinates: input pixels, pixel (y, x) covering [y − ½, y + ½] × [x − ½, x + ½].
 */
import { el, num, textEl } from './svg.ts';

export interface FieldBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A square frame [lo, hi] in input pixel coordinates (pixel edges), the same for both axes. */
export interface MapDomain {
  readonly lo: number;
  readonly hi: number;
}

/**
 * The frame for an image of `side` pixels and the boxes to show (inclusive pixel bounds): their
 * union plus a one-pixel margin, clipped to `maxScale`·side centred on the image.
 */
export function mapDomain(side: number, boxes: readonly FieldBox[], maxScale = 2.5): MapDomain {
  let lo = -0.5;
  let hi = side - 0.5;
  for (const b of boxes) {
    lo = Math.min(lo, b.top - 0.5 - 1, b.left - 0.5 - 1);
    hi = Math.max(hi, b.bottom + 0.5 + 1, b.right + 0.5 + 1);
  }
  const reach = ((maxScale - 1) * side) / 2;
  return { lo: Math.max(lo, -0.5 - reach), hi: Math.min(hi, side - 0.5 + reach) };
}

/**
 * The input pixel [y, x] under a point at fractions (fy, fx) ∈ [0, 1] of the drawn frame,
 * clamped to the image.
 */
export function pixelAt(domain: MapDomain, side: number, fy: number, fx: number): [number, number] {
  const at = (f: number): number =>
    Math.min(side - 1, Math.max(0, Math.round(domain.lo + f * (domain.hi - domain.lo))));
  return [at(fy), at(fx)];
}

export interface RfMapView {
  readonly side: number;
  readonly domain: MapDomain;
  /** Data URL of the side×side image, or null for the build-time placeholder. */
  readonly imageHref: string | null;
  /** The unit's theoretical field. */
  readonly field: FieldBox;
  /** The centred square holding 95% of the gradient: centre [y, x] and side; null before a result. */
  readonly effective: { readonly centre: readonly [number, number]; readonly size: number } | null;
  /** Centre [y, x] of the unit's field. */
  readonly unitCentre: readonly [number, number];
  /** Accessible name of the figure. */
  readonly label: string;
}

/** The map as an `<svg>` element string (viewBox in input pixels). Classes are styled by the widget. */
export function renderRfMap(view: RfMapView): string {
  const { lo, hi } = view.domain;
  const span = hi - lo;
  const s = view.side;
  const clip = `M${num(lo)} ${num(lo)}H${num(hi)}V${num(hi)}H${num(lo)}Z`;
  const box = (b: FieldBox, cls: string): string =>
    el('rect', {
      class: cls,
      x: b.left - 0.5,
      y: b.top - 0.5,
      width: b.right - b.left + 1,
      height: b.bottom - b.top + 1,
      'vector-effect': 'non-scaling-stroke',
    });
  const effective =
    view.effective === null || view.effective.size <= 0
      ? ''
      : box(
          {
            top: view.effective.centre[0] - (view.effective.size - 1) / 2,
            bottom: view.effective.centre[0] + (view.effective.size - 1) / 2,
            left: view.effective.centre[1] - (view.effective.size - 1) / 2,
            right: view.effective.centre[1] + (view.effective.size - 1) / 2,
          },
          'rfx-effective',
        );
  const [cy, cx] = view.unitCentre;
  const arm = Math.max(1, span / 40);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `${num(lo)} ${num(lo)} ${num(span)} ${num(span)}`,
      class: 'rfx-map',
      role: 'img',
      'aria-label': view.label,
      preserveAspectRatio: 'xMidYMid meet',
    },
    textEl('title', {}, view.label),
    el('path', { class: 'rfx-padding', d: clip }),
    view.imageHref === null
      ? el('rect', { class: 'rfx-image-placeholder', x: -0.5, y: -0.5, width: s, height: s })
      : el('image', {
          href: view.imageHref,
          x: -0.5,
          y: -0.5,
          width: s,
          height: s,
          preserveAspectRatio: 'none',
          class: 'rfx-image',
        }),
    el('rect', {
      class: 'rfx-image-edge',
      x: -0.5,
      y: -0.5,
      width: s,
      height: s,
      'vector-effect': 'non-scaling-stroke',
    }),
    effective,
    box(view.field, 'rfx-theoretical-halo'),
    box(view.field, 'rfx-theoretical'),
    el('path', {
      class: 'rfx-unit',
      d: `M${num(cx - arm)} ${num(cy)}H${num(cx + arm)}M${num(cx)} ${num(cy - arm)}V${num(cy + arm)}`,
      'vector-effect': 'non-scaling-stroke',
    }),
  );
}
