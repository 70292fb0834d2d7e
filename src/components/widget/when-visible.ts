/**
 * Runs `start` once, when `element` comes within `margin` of the viewport (Distill's d-figure
 * idea): widgets load their code and start computing only when a reader gets near them.
 */
export function whenVisible(element: Element, start: () => void, margin = '200px'): void {
  if (typeof IntersectionObserver === 'undefined') {
    start();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        start();
      }
    },
    { rootMargin: margin },
  );
  observer.observe(element);
}
