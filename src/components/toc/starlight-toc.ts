/**
 * Starlight's table-of-contents element, lighter: it marks the link of the section being read
 * (`aria-current="true"`) by watching only the chapter's headings. Starlight's own element
 * watches every block of the page (one IntersectionObserver target per paragraph, equation and
 * figure: over a thousand on /resnet/), selected with `:has()` queries that cost 25 ms of one
 * task per table of contents when the page goes idle, and the observer then tests all of them on
 * every scrolled frame. astro.config.mjs points Starlight's import here; MobileTableOfContents
 * extends this class as it extended Starlight's.
 *
 * The section being read is the one whose heading last crossed the reading line: the line under
 * the sticky header (and the mobile contents bar) where Starlight's own band starts. Before the
 * first heading, it is the page title.
 */
import { currentHeadingIndex } from './current-heading.ts';

/** The page title's id in Starlight's layout (its `PAGE_TITLE_ID`). */
const PAGE_TITLE_ID = '_top';

/** Space below the header before the reading line, in CSS pixels (Starlight's 2rem padding). */
const LINE_BELOW_HEADER_PX = 32;

export class StarlightTOC extends HTMLElement {
  private currentLink: HTMLAnchorElement | null = this.querySelector('a[aria-current="true"]');

  /** Marks `link` as the section being read, and unmarks the previous one. */
  protected set current(link: HTMLAnchorElement) {
    if (link === this.currentLink) return;
    this.currentLink?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.currentLink = link;
  }

  constructor() {
    super();
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1));
    idle(() => this.track());
  }

  /** Watches the headings this table links to, and follows the reader from then on. */
  private track(): void {
    const linkById = new Map<string, HTMLAnchorElement>();
    for (const link of this.querySelectorAll('a')) {
      const id = decodeURIComponent(link.hash.slice(1));
      if (id !== '') linkById.set(id, link);
    }
    const headings = [...linkById.keys()]
      .filter((id) => id !== PAGE_TITLE_ID)
      .map((id) => document.getElementById(id))
      .filter((heading): heading is HTMLElement => heading !== null);
    const titleLink = linkById.get(PAGE_TITLE_ID);
    const update = (): void => {
      const line = this.readingLine();
      const index = currentHeadingIndex(
        headings.map((heading) => heading.getBoundingClientRect().top),
        line,
      );
      const link = index < 0 ? titleLink : linkById.get(headings[index]!.id);
      if (link) this.current = link;
    };
    let observer: IntersectionObserver | undefined;
    const observe = (): void => {
      observer?.disconnect();
      // Callbacks come when a heading crosses the reading line (or the viewport's bottom edge).
      observer = new IntersectionObserver(update, { rootMargin: `-${this.readingLine()}px 0px 0px 0px` });
      for (const heading of headings) observer.observe(heading);
    };
    observe();
    let resized: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      clearTimeout(resized);
      resized = setTimeout(observe, 200);
    });
  }

  /** The reading line's distance from the viewport's top, in CSS pixels. */
  private readingLine(): number {
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    const summary = this.querySelector('summary')?.getBoundingClientRect().height ?? 0;
    return Math.round(header + summary + LINE_BELOW_HEADER_PX);
  }
}

customElements.define('starlight-toc', StarlightTOC);
