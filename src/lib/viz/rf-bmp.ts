/**
 * A tiny image as a `data:image/bmp` URL, for the explorer's maps (an SVG <image>). Encoding a
 * 48×48 bitmap by hand takes well under a millisecond, whereas canvas.toDataURL() reads the
 * canvas back from the GPU and, on a software GPU, blocked the page for tens of milliseconds a
 * map. Pure: RGBA in, string out.
 */

/**
 * `data:image/bmp;base64,…` of an opaque width×height image from RGBA pixels (4·w·h, row-major
 * from the top; alpha ignored): a 24-bit BITMAPINFOHEADER bitmap, rows stored bottom-up and
 * padded to 4 bytes, as the format requires.
 */
export function bmpDataUrl(rgba: ArrayLike<number>, width: number, height: number): string {
  if (rgba.length !== 4 * width * height) {
    throw new RangeError(`${width}×${height} RGBA needs ${4 * width * height} values, got ${rgba.length}`);
  }
  const rowBytes = Math.ceil((3 * width) / 4) * 4;
  const dataBytes = rowBytes * height;
  const bytes = new Uint8Array(54 + dataBytes);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42; // 'B'
  bytes[1] = 0x4d; // 'M'
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true); // pixel data offset
  view.setUint32(14, 40, true); // BITMAPINFOHEADER size
  view.setInt32(18, width, true);
  view.setInt32(22, height, true); // positive: bottom-up rows
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 24, true); // bits per pixel
  view.setUint32(34, dataBytes, true);
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * rowBytes;
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      bytes[row + 3 * x] = rgba[i + 2]!;
      bytes[row + 3 * x + 1] = rgba[i + 1]!;
      bytes[row + 3 * x + 2] = rgba[i]!;
    }
  }
  let binary = '';
  const chunk = 0x4000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return `data:image/bmp;base64,${btoa(binary)}`;
}
