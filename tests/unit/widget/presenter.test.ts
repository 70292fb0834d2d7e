import { describe, expect, test } from 'vitest';
import { focusKindOf, presenterAction, type FocusKind } from '../../../src/components/widget/presenter-keys.ts';
import { presenterControls } from '../../../src/components/widget/presenter-controls.ts';
import { defaultsSearch, parseEmbedOptions } from '../../../src/lib/state/embed-options.ts';
import { presenterUrl } from '../../../src/components/widget/share-embed.ts';
import { widgetRegistry } from '../../../src/lib/state/widgets.ts';

const NONE = { ctrlKey: false, metaKey: false, altKey: false };

describe('presenter keys', () => {
  test('on the page itself: Space plays, arrows step, R resets, ? lists the keys, F goes fullscreen', () => {
    expect(presenterAction(' ', 'other', NONE)).toBe('play');
    expect(presenterAction('ArrowRight', 'other', NONE)).toBe('more');
    expect(presenterAction('ArrowUp', 'other', NONE)).toBe('more');
    expect(presenterAction('ArrowLeft', 'other', NONE)).toBe('less');
    expect(presenterAction('ArrowDown', 'other', NONE)).toBe('less');
    expect(presenterAction('r', 'other', NONE)).toBe('reset');
    expect(presenterAction('R', 'other', NONE)).toBe('reset');
    expect(presenterAction('?', 'other', NONE)).toBe('help');
    expect(presenterAction('f', 'other', NONE)).toBe('fullscreen');
    expect(presenterAction('x', 'other', NONE)).toBeNull();
  });

  test('a key the focused control uses itself stays with it', () => {
    for (const focus of ['button', 'checkbox', 'radio', 'select'] as FocusKind[]) {
      expect(presenterAction(' ', focus, NONE)).toBeNull();
    }
    for (const focus of ['range', 'select', 'radio'] as FocusKind[]) {
      expect(presenterAction('ArrowRight', focus, NONE)).toBeNull();
      expect(presenterAction('ArrowLeft', focus, NONE)).toBeNull();
    }
    // Space does nothing on a slider, and arrows nothing on a button: there the keys are presenter keys.
    expect(presenterAction(' ', 'range', NONE)).toBe('play');
    expect(presenterAction('ArrowRight', 'button', NONE)).toBe('more');
    expect(presenterAction('r', 'button', NONE)).toBe('reset');
  });

  test('typing in a field, and any key with Ctrl, ⌘ or Alt, is never taken', () => {
    for (const key of [' ', 'ArrowUp', 'r', '?', 'f']) {
      expect(presenterAction(key, 'text', NONE)).toBeNull();
      expect(presenterAction(key, 'other', { ...NONE, ctrlKey: true })).toBeNull();
      expect(presenterAction(key, 'other', { ...NONE, metaKey: true })).toBeNull();
      expect(presenterAction(key, 'other', { ...NONE, altKey: true })).toBeNull();
    }
  });

  test('focus kinds come from tag, type and editability', () => {
    expect(focusKindOf('INPUT', 'range', false)).toBe('range');
    expect(focusKindOf('INPUT', 'number', false)).toBe('text');
    expect(focusKindOf('INPUT', null, false)).toBe('text');
    expect(focusKindOf('INPUT', 'checkbox', false)).toBe('checkbox');
    expect(focusKindOf('INPUT', 'submit', false)).toBe('button');
    expect(focusKindOf('TEXTAREA', null, false)).toBe('text');
    expect(focusKindOf('SELECT', null, false)).toBe('select');
    expect(focusKindOf('A', null, false)).toBe('button');
    expect(focusKindOf('SUMMARY', null, false)).toBe('button');
    expect(focusKindOf('DIV', null, true)).toBe('text');
    expect(focusKindOf('BODY', null, false)).toBe('other');
  });

  test('every registered widget says which controls its keys work, and only registered widgets do', () => {
    expect(Object.keys(presenterControls).sort()).toEqual(widgetRegistry.map((w) => w.id).sort());
    for (const controls of Object.values(presenterControls)) {
      // The arrow keys step one slider or press a pair of buttons, not both.
      expect(controls.main !== undefined && (controls.less ?? controls.more) !== undefined).toBe(false);
      expect(controls.less === undefined).toBe(controls.more === undefined);
    }
  });
});

describe('present= on an embed page', () => {
  test('present=1 turns presenter mode on; 0 or nothing leaves it off', () => {
    expect(parseEmbedOptions('present=1', []).options.present).toBe(true);
    expect(parseEmbedOptions('present=0&present=1', []).options.present).toBe(true);
    expect(parseEmbedOptions('present=0', []).options.present).toBe(false);
    expect(parseEmbedOptions('', []).options.present).toBe(false);
    expect(parseEmbedOptions('present=1', []).notices).toEqual([]);
  });

  test('any other value is ignored with a notice that quotes it as text', () => {
    const { options, notices } = parseEmbedOptions('present=%3Cimg%20src%3Dx%3E', []);
    expect(options.present).toBe(false);
    expect(notices).toEqual(['Ignored present="<img src=x>": use present=1 for presenter mode.']);
  });

  test('the defaults of an embed keep its embed options and lesson, at the lesson’s first step', () => {
    expect(defaultsSearch('?depth=56&present=1&theme=dark&lr=0.1')).toBe('?present=1&theme=dark');
    expect(defaultsSearch('?lesson=abc&step=3&present=1&hide=depth')).toBe('?lesson=abc&present=1&hide=depth');
    expect(defaultsSearch('?depth=8')).toBe('');
    expect(defaultsSearch('')).toBe('');
  });

  test('the Share panel’s Present link is the embed address with present=1', () => {
    expect(presenterUrl('https://site.example/embed/skip-lab/?depth=20&lang=zh-CN')).toBe(
      'https://site.example/embed/skip-lab/?depth=20&lang=zh-CN&present=1',
    );
    expect(presenterUrl('https://site.example/embed/skip-lab/')).toBe('https://site.example/embed/skip-lab/?present=1');
  });
});
