import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { langPrefix, localizedPath, parseLang, resolveLang } from '../../../src/i18n/lang.ts';
import { parseEmbedOptions } from '../../../src/lib/state/embed-options.ts';
import { embedUrl } from '../../../src/components/widget/share-embed.ts';

describe('resolveLang', () => {
  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    [' ZH-CN ', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
  ] as const)('reads %j as %s', (raw, lang) => {
    expect(resolveLang(raw)).toBe(lang);
  });

  test.each([
    null,
    undefined,
    '',
    'fr',
    'zh-TW',
    'zh_CN',
    '<b>x</b>',
    '"><svg onload=alert(1)>',
    '__proto__',
    'constructor',
    'toString',
    'zh-CN'.repeat(5),
    'zh-cn\u0000',
  ])('reads the hostile or unknown value %j as English', (raw) => {
    expect(resolveLang(raw)).toBe('en');
    expect(parseLang(raw)).toBeNull();
  });

  test('never throws, and answers only a language we have', () => {
    fc.assert(fc.property(fc.string(), (raw) => ['en', 'zh-CN'].includes(resolveLang(raw))));
  });
});

describe('localized paths', () => {
  test('English lives at the root, Chinese under /zh-cn', () => {
    expect(langPrefix('en')).toBe('');
    expect(localizedPath('/embed/skip-lab/', 'zh-CN')).toBe('/zh-cn/embed/skip-lab/');
    expect(localizedPath('/zh-cn/embed/skip-lab/', 'en')).toBe('/embed/skip-lab/');
    expect(localizedPath('/zh-cn/embed/skip-lab/', 'zh-CN')).toBe('/zh-cn/embed/skip-lab/');
  });

  test('the Share/Embed snippet of a Chinese page points at the Chinese embed and says lang=zh-CN', () => {
    const url = new URL(
      embedUrl('https://site.example', localizedPath('/embed/skip-lab/', 'zh-CN'), 'depth=20', ['lr'], 'zh-CN'),
    );
    expect(url.pathname).toBe('/zh-cn/embed/skip-lab/');
    expect(url.searchParams.get('lang')).toBe('zh-CN');
    expect(url.searchParams.get('depth')).toBe('20');
    expect(embedUrl('https://site.example', '/embed/skip-lab/', '', [], 'en')).toBe(
      'https://site.example/embed/skip-lab/',
    );
  });
});

describe('the embed lang= option', () => {
  test('accepts the languages we have, in any case', () => {
    expect(parseEmbedOptions('lang=zh-cn', []).options.lang).toBe('zh-CN');
    expect(parseEmbedOptions('lang=en&lang=zh-CN', []).options.lang).toBe('zh-CN');
    expect(parseEmbedOptions('lang=zh-CN', []).notices).toEqual([]);
  });

  test('ignores any other value with a notice that quotes it as text', () => {
    const { options, notices } = parseEmbedOptions('lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E', []);
    expect(options.lang).toBeNull();
    expect(notices).toEqual(['Ignored lang="<script>alert(1)</script>": available languages are en, zh-CN.']);
  });
});
