/**
 * Lets off-screen display math and disclosures skip rendering (`:root.skip-offscreen` in
 * site.css) once the page has rendered each of them with its fonts. Their
 * `contain-intrinsic-size: auto` then remembers their real sizes, so a skipped element holds its
 * own height and nothing moves when it renders again. After the fonts, two animation frames: the
 * first rendering records the sizes, the next frame switches skipping on.
 */
export function skipOffscreenOnceSized(): void {
  const skip = (): void => {
    requestAnimationFrame(() => {
      requestAnimationFrame(() => document.documentElement.classList.add('skip-offscreen'));
    });
  };
  void document.fonts.ready.then(skip, skip);
}
