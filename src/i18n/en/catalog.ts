/** English UI strings: catalog, the instructors' reference of every widget (WidgetCatalog.astro, build time). */
import { englishAllowed } from '../../lib/state/schema.ts';

export const catalog = {
  chapterBefore: 'It belongs to the',
  chapterAfter: 'chapter.',
  tryIt: 'Try it:',
  labelHelp: (label: string, help: string) => `${label}: ${help}`,
  iframeTitle: (title: string) => `${title}: iframe`,
  parametersCaption: (title: string) => `URL parameters of ${title.toLowerCase()}`,
  columns: { parameter: 'Parameter', allowed: 'Allowed values', default: 'Default', sets: 'What it sets' },
  allowed: englishAllowed,
  hideAllowed: 'a comma-separated list of',
  hideDefault: 'none',
  hideSets: 'Controls to hide, so readers see only what you want to discuss.',
  langAllowed: 'en or zh-CN',
  langSets: 'The language of the widget: zh-CN shows it in Simplified Chinese (from /zh-cn/embed/…).',
} as const;
