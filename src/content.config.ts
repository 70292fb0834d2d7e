import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { chapterFields } from './lib/content/chapter-schema.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: chapterFields }) }),
  // UI strings per language (src/content/i18n/<lang>.json): Starlight's own plus the site's.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
