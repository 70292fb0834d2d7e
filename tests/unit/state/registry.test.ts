import { describe, expect, it } from 'vitest';
import { EMBED_KEYS } from '../../../src/lib/state/embed-options.ts';
import { readingOrder } from '../../../src/lib/content/reading-order.ts';
import { variantsOf, widgetRegistry } from '../../../src/lib/state/widgets.ts';
import { checkSchemaProperties } from './schema-properties.ts';
import { parseState, serializeState } from '../../../src/lib/state/schema.ts';

const chapters = new Set(readingOrder('src/content/docs').map((c) => c.slug));

describe('widget registry', () => {
  it('has the architecture diagram as its first entry', () => {
    expect(widgetRegistry[0]?.id).toBe('architecture');
  });

  for (const widget of widgetRegistry) {
    describe(widget.id, () => {
      it('round-trips every valid state through the URL and survives arbitrary query strings', () => {
        checkSchemaProperties(widget.schema);
        checkSchemaProperties(widget.schema, widget.id);
      });

      it('uses no key that embed pages reserve, and belongs to a real chapter', () => {
        for (const key of Object.keys(widget.schema)) expect(EMBED_KEYS).not.toContain(key);
        expect(chapters.has(widget.chapter.slug)).toBe(true);
        expect(widget.id).toMatch(/^[a-z][a-z0-9-]*$/);
      });

      it('has a teaching example that is valid and differs from the defaults', () => {
        const { state, notices } = parseState(widget.schema, new URLSearchParams(widget.example));
        expect(notices).toEqual([]);
        expect(serializeState(widget.schema, state)).not.toBe('');
      });

      it('has variants only for an enum key', () => {
        if (widget.variantKey) expect(variantsOf(widget).length).toBeGreaterThan(1);
        else expect(variantsOf(widget)).toEqual([]);
      });
    });
  }
});
