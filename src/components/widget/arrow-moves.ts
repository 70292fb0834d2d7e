/**
 * The arrow keys as moves on a grid of units (a feature map, a receptive-field map):
 * [rows, cols], up being one row back. Shared by the widgets whose units a reader walks by keyboard.
 */
export const ARROW_MOVES: Readonly<Record<string, readonly [rows: number, cols: number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};
