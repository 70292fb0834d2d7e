/**
 * Front matter every chapter carries on top of Starlight's own fields. Astro validates it at
 * build time; a bad value fails the build with the file and the field named.
 */
import { z } from 'astro/zod';
import { referenceIds } from '../bibliography/references.ts';

/** The extra chapter fields: reading order, the year the chapter's model appeared, its papers. */
export const chapterFields = z.object({
  /** A chapter description is required: it is the page's meta description and search snippet. */
  description: z.string().min(20, 'description: write at least a sentence (20+ characters)'),
  /** Position in the reading order (sidebar, prev/next); unique across chapters. Chapters sit ten apart
   * (lenet5 10, alexnet 20, …) so a new one slots in between without renumbering the rest. */
  order: z.number().int().nonnegative(),
  /** Year the chapter's architecture was published, if it has one. */
  year: z.number().int().min(1980).max(2100).optional(),
  /** Keys into the bibliography (src/data/references.json) for the chapter's main papers. */
  papers: z
    .array(
      z.string().refine((id) => referenceIds.includes(id), {
        message: `unknown paper; use an id from src/data/references.json (${referenceIds.join(', ')})`,
      }),
    )
    .default([]),
});
