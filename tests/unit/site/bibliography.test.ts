import { describe, expect, it } from 'vitest';
import {
  formatAuthors,
  formatLocator,
  getReference,
  parseReferences,
  referenceHref,
  referenceIds,
  shortCitation,
} from '../../../src/lib/bibliography/references.ts';

const PAPERS_IN_FACTS_MD = [
  'lecun1998',
  'krizhevsky2012',
  'simonyan2015',
  'he2016',
  'he2016identity',
  'glorot2010',
  'he2015',
  'ioffe2015',
  'luo2016',
  'araujo2019',
  'veit2016',
  'balduzzi2017',
  'li2018',
];

describe('bibliography', () => {
  it('holds every paper listed in shared/facts.md', () => {
    for (const id of PAPERS_IN_FACTS_MD) expect(referenceIds).toContain(id);
  });

  it('getReference("he2016") returns the CVPR 2016 ResNet paper with its DOI link', () => {
    const ref = getReference('he2016');
    expect(ref.title).toBe('Deep residual learning for image recognition');
    expect(ref.year).toBe(2016);
    expect(referenceHref(ref)).toBe('https://doi.org/10.1109/CVPR.2016.90');
  });

  it('getReference rejects an unknown id and lists the valid ones', () => {
    expect(() => getReference('he2099')).toThrow(/Unknown reference id "he2099".*he2016/);
  });

  it.each([
    [[{ id: 'x1', authors: ['A B'], title: 't', venue: 'v', year: 2000 }], /needs a "doi" or a "url"/],
    [[{ id: 'x1', authors: [], title: 't', venue: 'v', year: 2000, doi: 'd' }], /"authors"/],
    [[{ id: 'x1', authors: ['A B'], title: '', venue: 'v', year: 2000, doi: 'd' }], /"title"/],
    [[{ id: 'x1', authors: ['A B'], title: 't', venue: 'v', year: 20, doi: 'd' }], /"year"/],
    [[{ id: 'X-1', authors: ['A B'], title: 't', venue: 'v', year: 2000, doi: 'd' }], /lowercase/],
    [
      [
        { id: 'x1', authors: ['A B'], title: 't', venue: 'v', year: 2000, doi: 'd' },
        { id: 'x1', authors: ['A B'], title: 't', venue: 'v', year: 2000, doi: 'd' },
      ],
      /duplicate id "x1"/,
    ],
    [[{ id: 'x1', authors: ['A B'], title: 't', venue: 'v', year: 2000, url: 'http://insecure' }], /https/],
  ])('parseReferences rejects a malformed entry (%#)', (raw, message) => {
    expect(() => parseReferences(raw)).toThrow(message);
  });

  it('formatAuthors abbreviates given names, keeps organisations whole and joins the last author with "and"', () => {
    expect(formatAuthors(['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'])).toBe(
      'K. He, X. Zhang, S. Ren and J. Sun',
    );
    expect(formatAuthors(['J. P. Lewis'])).toBe('J. P. Lewis');
    expect(formatAuthors(['{TorchVision maintainers and contributors}'])).toBe(
      'TorchVision maintainers and contributors',
    );
    expect(shortCitation(getReference('torchvision'))).toBe('TorchVision maintainers and contributors 2016');
  });

  it('shortCitation gives "He et al. 2016" and "Simonyan and Zisserman 2015"', () => {
    expect(shortCitation(getReference('he2016'))).toBe('He et al. 2016');
    expect(shortCitation(getReference('simonyan2015'))).toBe('Simonyan and Zisserman 2015');
  });

  it('formatLocator joins page, section, table and figure', () => {
    expect(formatLocator({ table: '6' })).toBe('Table 6');
    expect(formatLocator({ page: '7', section: '4.2', figure: '1' })).toBe('p. 7, §4.2, Fig. 1');
    expect(formatLocator({})).toBe('');
  });
});
