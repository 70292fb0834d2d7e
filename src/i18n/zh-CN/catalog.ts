/** 简体中文 UI strings: catalog. */
import type { CatalogStrings } from '../strings.ts';

export const catalog: CatalogStrings = {
  chapterBefore: '它属于',
  chapterAfter: '一章。',
  tryIt: '试试看：',
  labelHelp: (label: string, help: string) => `${label}：${help}`,
  iframeTitle: (title: string) => `${title}：iframe`,
  parametersCaption: (title: string) => `${title}的 URL 参数`,
  columns: { parameter: '参数', allowed: '允许的值', default: '默认值', sets: '作用' },
  allowed: {
    int: (min: number, max: number) => `${min} 到 ${max} 之间的整数`,
    intSteps: (min: number, second: number, max: number, step: number) =>
      `${min}、${second}、… ${max} 之一（步长 ${step}）`,
    number: (min: number, max: number) => `${min} 到 ${max} 之间的数`,
    oneOf: (values: string) => `${values} 之一`,
    boolean: '1 或 0',
  },
  hideAllowed: '用逗号分隔的列表，取自',
  hideDefault: '无',
  hideSets: '要隐藏的控件，让读者只看到你想讨论的部分。',
  langAllowed: 'en 或 zh-CN',
  langSets: '交互组件的语言：zh-CN 以简体中文显示（来自 /zh-cn/embed/…）。',
};
