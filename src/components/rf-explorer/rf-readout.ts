/**
 * Everything the explorer's figure shows, as data: the maps' views, the lines under them, the
 * growth chart's curves, the slope line, the Data tables' rows and the dead-unit notices, from
 * the model (rf-reducer.ts) and what the worker measured. Pure (no DOM): rf-view.ts puts it on
 * the page. Sizes are in input pixels.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import { erfInput } from '../../lib/compute/erf-input.ts';
import type { ErfResult, ErfUnitResult } from '../../lib/compute/jobs/erf.ts';
import { logLogSlope, sqrtFit } from '../../lib/math/erf-stats.ts';
import { fieldBounds } from '../../lib/models/receptive-field.ts';
import { RF_INPUT_SIDE, type RfInput } from '../../lib/state/rf-explorer.ts';
import type { GrowthSeries } from '../../lib/viz/rf-growth-chart.ts';
import { bmpDataUrl } from '../../lib/viz/rf-bmp.ts';
import { erfOverlayPixels } from '../../lib/viz/rf-heat.ts';
import type { RfMapView } from '../../lib/viz/rf-map.ts';
import { chartLayers, fieldCentre, type MeasuredLayer, type NetPlan } from './nets.ts';
import type { RfMeasurement } from './rf-measurement.ts';
import { chosenUnit, type RfModel } from './rf-reducer.ts';

/** The explorer's strings in the page's language. */
export type RfStrings = UiStrings['rfExplorer'];

/** What the maps show until the next change: the maps streamed so far (one per plan), or the finished result. */
export interface RfShown {
  readonly maps: readonly (Float32Array | undefined)[];
  readonly result: ErfResult | null;
}

/** The figure's content, per plan where it is a list (plans in the model's order). */
export interface RfReadout {
  /** Each network's map: the input with the effective field over it, the boxes and the unit. */
  readonly maps: readonly RfMapView[];
  /** The line under each map: theoretical size, effective size and σ of the chosen unit. */
  readonly stats: readonly string[];
  /** The growth chart's curves: theoretical and (once measured) effective size against depth. */
  readonly series: readonly GrowthSeries[];
  /** c of the c·√n reference fitted to the first network's effective sizes; null with downsampling or under two points. */
  readonly reference: number | null;
  /** Per network, σ's log-log slope against depth ('' before the chart is measured). */
  readonly slope: string;
  /** The chart's Data table: net, layer, depth, theoretical, effective, σ, support per plotted layer. */
  readonly layerRows: readonly (readonly string[])[];
  /** The chosen units' Data table: net, layer, unit, theoretical, effective, σ, support per network. */
  readonly unitRows: readonly (readonly string[])[];
  /** With a result: a notice per network whose chosen unit no gradient reaches (a dead ReLU); else null. */
  readonly dead: readonly string[] | null;
}

/** `v` with `digits` decimals; '—' when not finite. */
export const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** Effective size (1 decimal), σ (2 decimals) and non-zero support ("h×w") of a measured unit; '—' where not measured. */
function statCells(measured: ErfUnitResult | undefined): [string, string, string] {
  const stats = measured?.stats;
  const support = stats?.support;
  return [
    stats ? fixed(stats.size, 1) : '—',
    stats ? fixed(stats.sigmaRms, 2) : '—',
    support ? `${support.bottom - support.top + 1}×${support.right - support.left + 1}` : '—',
  ];
}

const images = new Map<RfInput, Float32Array>();
/** The side×side input image of `kind`, values in [0, 1] (made once: it depends on nothing else). */
function inputImage(kind: RfInput): Float32Array {
  let image = images.get(kind);
  if (image === undefined) {
    image = erfInput(kind, 1, RF_INPUT_SIDE, RF_INPUT_SIDE);
    images.set(kind, image);
  }
  return image;
}

/**
 * What the figure shows for `model`: the maps and units from `shown` (the finished result, else
 * the maps streamed so far), the chart and its table from `chart` (the measurement of this state,
 * if any), in strings `t`.
 */
export function rfReadout(model: RfModel, shown: RfShown, chart: RfMeasurement | null, t: RfStrings): RfReadout {
  const { state, plans } = model;
  const { result } = shown;
  const image = inputImage(state.input);
  /** Each plotted layer of `plan` with its centre unit's measurement in `chart`, if any. */
  const probed = (plan: NetPlan): { layer: MeasuredLayer; probe: ErfUnitResult | undefined }[] => {
    const probes = chart?.chart.get(plan.key)?.probes;
    return chartLayers(plan).map((layer, i) => ({ layer, probe: probes?.[i] }));
  };
  const series = plans.map((plan) => ({
    key: plan.key,
    label: t.netShort[plan.key],
    points: probed(plan).map(({ layer, probe }) => ({
      depth: layer.depth,
      theoretical: layer.field.size[0],
      effective: probe === undefined || probe.stats.mass === 0 ? null : probe.stats.size,
    })),
  }));
  const fitted = series[0]?.points.filter((p) => p.effective !== null) ?? [];
  const units = plans.map((plan, i) => {
    const { layer, unit } = chosenUnit(plan, state);
    const target = result?.targets[i];
    return { plan, layer, unit, target, cells: statCells(target?.unit) };
  });
  return {
    maps: units.map(({ plan, layer, unit, target }, i) => {
      const effective = target !== undefined && target.unit.stats.mass > 0 ? target.unit.stats.size : null;
      const map = target?.map ?? shown.maps[i] ?? new Float32Array(image.length);
      const centre = fieldCentre(layer, unit);
      return {
        side: RF_INPUT_SIDE,
        domain: model.domain,
        imageHref: bmpDataUrl(erfOverlayPixels(image, map), RF_INPUT_SIDE, RF_INPUT_SIDE),
        field: fieldBounds(layer.field, unit),
        effective: effective === null ? null : { centre, size: effective },
        unitCentre: centre,
        label: t.mapLabel(
          t.netNames[plan.key],
          t.unitPosition(unit[0], unit[1]),
          layer.field.size[0],
          effective === null ? t.notMeasured : fixed(effective, 1),
        ),
      };
    }),
    stats: units.map(
      ({ layer, cells }) =>
        `${t.columns.theoretical}: ${layer.field.size[0]} · ${t.columns.effective}: ${cells[0]} · σ: ${cells[1]}`,
    ),
    series,
    reference:
      fitted.length > 1 && !state.downsample
        ? sqrtFit(
            fitted.map((p) => p.depth),
            fitted.map((p) => p.effective!),
          )
        : null,
    slope:
      chart === null
        ? ''
        : plans
            .map((plan) => {
              const live = probed(plan).filter(({ probe }) => probe !== undefined && probe.stats.mass > 0);
              const slope = logLogSlope(
                live.map(({ layer }) => layer.depth),
                live.map(({ probe }) => probe!.stats.sigmaRms),
              );
              return t.slope(t.netShort[plan.key], fixed(slope, 2));
            })
            .join(' · '),
    layerRows: plans.flatMap((plan) =>
      probed(plan).map(({ layer, probe }) => [
        t.netShort[plan.key],
        layer.layerId,
        String(layer.depth),
        String(layer.field.size[0]),
        ...statCells(probe),
      ]),
    ),
    unitRows: units.map(({ plan, layer, unit, cells }) => [
      t.netShort[plan.key],
      layer.layerId,
      t.unitPosition(unit[0], unit[1]),
      String(layer.field.size[0]),
      ...cells,
    ]),
    dead:
      result &&
      units.filter(({ target }) => target?.unit.stats.mass === 0).map(({ plan }) => t.deadUnit(t.netNames[plan.key])),
  };
}
