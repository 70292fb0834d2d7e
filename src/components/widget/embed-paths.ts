/**
 * The embed routes, the same in every language (/embed/… and /zh-cn/embed/…): one page per
 * registered widget, and for widgets with variants one more per variant, /embed/<widget>/<variant>/.
 */
import { variantsOf, widgetRegistry, type WidgetEntry } from '../../lib/state/widgets.ts';

/** What an embed page renders: a widget, in one of its variants (the registry default when it has them). */
export interface EmbedProps {
  readonly widget: WidgetEntry;
  readonly variant: string | undefined;
}

/** getStaticPaths of an embed route: `path` is `<widget>` or `<widget>/<variant>`. */
export function embedPaths(): { params: { path: string }; props: EmbedProps }[] {
  return widgetRegistry.flatMap((widget) => {
    const base = widget.variantKey ? String(widget.schema[widget.variantKey]?.default) : undefined;
    return [
      { params: { path: widget.id }, props: { widget, variant: base } },
      ...variantsOf(widget).map((variant) => ({
        params: { path: `${widget.id}/${variant}` },
        props: { widget, variant },
      })),
    ];
  });
}
