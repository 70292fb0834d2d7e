/**
 * Sizes of the diagram's parts, in px of the SVG's user space (1 px at zoom 1). A single diagram
 * uses `regularMetrics`; a side-by-side comparison the narrower `compactMetrics`, which leaves
 * the output shapes to the details panel and the Data table.
 */

export interface DiagramMetrics {
  /** Box widths range over [boxMinWidth, boxMaxWidth] (see encoding.ts). */
  readonly boxMinWidth: number;
  readonly boxMaxWidth: number;
  /** Row heights: weight/pooling layers, BN/activation/dropout/LRN, sums, collapsed groups. */
  readonly majorHeight: number;
  readonly minorHeight: number;
  readonly addHeight: number;
  readonly groupHeight: number;
  /** Top and bottom padding of an expanded group's frame (the header row and the closing row). */
  readonly headerHeight: number;
  readonly footerHeight: number;
  /** The "input h×w×c" row at the top of a column. */
  readonly inputHeight: number;
  /** Vertical space between rows, where the arrows run. */
  readonly gap: number;
  /** Extra space between stages when columns are aligned by output size. */
  readonly bandGap: number;
  /** Width of the lane left of the boxes where skip arcs and shortcut layers run (models with skips). */
  readonly laneWidth: number;
  readonly laneBoxWidth: number;
  /** How far a skip arc runs vertically before and after the lane's straight part. */
  readonly arcBend: number;
  readonly labelFont: number;
  readonly minorFont: number;
  readonly laneFont: number;
  /** Gap between the box column and the label column. */
  readonly labelGap: number;
  /** Gap between one side-by-side branch's labels and the next branch's boxes. */
  readonly branchGap: number;
  /** Whether the output shape is written next to the label. */
  readonly showShapes: boolean;
  readonly shapeGap: number;
  /** Inset of nested group frames per level. */
  readonly frameInset: number;
  /** Space around everything. */
  readonly padding: number;
  /** Column headers (model name and totals) in comparisons; 0 for a single diagram. */
  readonly headerBlock: number;
  /** Left gutter with the output-size labels of aligned comparisons. */
  readonly gutter: number;
}

export const regularMetrics: DiagramMetrics = {
  boxMinWidth: 6,
  boxMaxWidth: 120,
  majorHeight: 24,
  minorHeight: 12,
  addHeight: 16,
  groupHeight: 28,
  headerHeight: 20,
  footerHeight: 6,
  inputHeight: 18,
  gap: 8,
  bandGap: 12,
  laneWidth: 112,
  laneBoxWidth: 92,
  arcBend: 14,
  labelFont: 12,
  minorFont: 10,
  laneFont: 10,
  labelGap: 12,
  branchGap: 16,
  showShapes: true,
  shapeGap: 16,
  frameInset: 4,
  padding: 8,
  headerBlock: 0,
  gutter: 0,
};

export const compactMetrics: DiagramMetrics = {
  ...regularMetrics,
  boxMaxWidth: 72,
  majorHeight: 22,
  minorHeight: 10,
  groupHeight: 26,
  laneWidth: 88,
  laneBoxWidth: 74,
  labelFont: 11,
  minorFont: 9,
  laneFont: 9,
  labelGap: 10,
  branchGap: 12,
  showShapes: false,
  headerBlock: 40,
  gutter: 64,
};

/** The metrics of a single diagram (`compact` false) or a comparison (true). */
export function metricsFor(compact: boolean): DiagramMetrics {
  return compact ? compactMetrics : regularMetrics;
}
