/**
 * Everything a diagram figure needs at build time, in one call: the diagram models (on one
 * scale), the default expansion, the layout and its SVG, and the JSON-ready configuration the
 * page hands to the island. Used by <ArchitectureDiagram> (one model) and
 * <ArchitectureComparison> (two to four).
 */
import { analyze } from '../models/analyze.ts';
import type { ModelSpec } from '../models/types.ts';
import { metricsFor } from './diagram-metrics.ts';
import { diagramModels, type DiagramModel } from './diagram-model.ts';
import { defaultExpansion, layoutDiagram } from './diagram-layout.ts';
import { renderDiagramSvg } from './diagram-svg.ts';
import type { Encoding } from './encoding.ts';
import { diagramStrings as t } from './strings.ts';

/** Which groups start expanded: 'auto' (whole levels while a column stays ≤ 48 rows), all, or none. */
export type ExpandOption = 'auto' | 'all' | 'none';

/** Rows a column may show by default before its deeper groups stay collapsed. */
export const AUTO_ROWS = 48;

export interface FigureOptions {
  readonly encoding: Encoding;
  readonly expand: ExpandOption;
  /** Id prefix, unique on the page: [a-z0-9-] only. */
  readonly uid: string;
}

/** What the island reads from the page (plain JSON). */
export interface DiagramConfig {
  readonly uid: string;
  readonly models: readonly DiagramModel[];
  /** Expanded group indices per column. */
  readonly expanded: readonly (readonly number[])[];
  readonly compact: boolean;
  readonly align: boolean;
  readonly encoding: Encoding;
  /** Download file name without extension. */
  readonly fileName: string;
  /** The SVG's accessible name. */
  readonly label: string;
}

export interface DiagramFigure {
  readonly config: DiagramConfig;
  readonly svg: string;
}

/** "vgg16" → "vgg16"; anything else is reduced to [a-z0-9-]. */
export function toUid(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'diagram'
  );
}

/**
 * A figure of `specs` (one: a diagram; two to four: a comparison). Comparisons of models with
 * the same input size are aligned by output size, as He et al. 2016 Fig. 3 is.
 */
export function diagramFigure(specs: readonly ModelSpec[], options: FigureOptions): DiagramFigure {
  const compact = specs.length > 1;
  const metrics = metricsFor(compact);
  const analyses = specs.map((spec) => analyze(spec));
  const models = diagramModels(analyses, metrics);
  const expansion = models.map((model) =>
    defaultExpansion(model, options.expand === 'auto' ? AUTO_ROWS : options.expand),
  );
  const first = analyses[0]!.inputShape.join('×');
  const align = compact && analyses.every((a) => a.inputShape.join('×') === first);
  const layout = layoutDiagram(models, expansion, { metrics, align });
  const names = specs.map((s) => s.name);
  const label = compact ? t.comparisonLabel(names.join(', ')) : t.diagramLabel(names[0]!);
  const svg = renderDiagramSvg(models, layout, { metrics, encoding: options.encoding, uid: options.uid, label });
  return {
    svg,
    config: {
      uid: options.uid,
      models,
      expanded: expansion.map((set) => [...set].sort((a, b) => a - b)),
      compact,
      align,
      encoding: options.encoding,
      fileName: specs.map((s) => s.id).join('-'),
      label,
    },
  };
}
