/**
 * Which section a reader is in: the index of the last heading whose top (CSS px from the
 * viewport's top, in document order) is at or above the reading line, or -1 when every heading is
 * still below it (the reader is before the first section).
 */
export function currentHeadingIndex(headingTops: readonly number[], readingLine: number): number {
  let current = -1;
  for (const [index, top] of headingTops.entries()) {
    if (top > readingLine + 1) break;
    current = index;
  }
  return current;
}
