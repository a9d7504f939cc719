import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, hasFilters, rangeLabel, readView, toListParams, writeView } from './list-params.ts';

describe('list view in the URL', () => {
  it('round-trips a view', () => {
    const view = {
      q: 'portal',
      grant: 'implicit',
      access: 'public' as const,
      active: 'false' as const,
      sort: '-updated' as const,
      page: 3,
    };
    expect(readView(writeView(view))).toEqual(view);
    expect(writeView(view).toString()).toBe(
      'q=portal&grant=implicit&access=public&active=false&sort=-updated&page=3',
    );
  });

  it('keeps the default view out of the URL and ignores garbage', () => {
    expect(writeView(DEFAULT_VIEW).toString()).toBe('');
    expect(readView(new URLSearchParams('page=-2&sort=evil&access=x&active=maybe'))).toEqual(DEFAULT_VIEW);
    expect(readView(new URLSearchParams('page=1.5&sort=__proto__'))).toEqual(DEFAULT_VIEW);
  });

  it('maps filters to Aidbox dot expressions', () => {
    expect(
      toListParams({
        q: ' a b ',
        grant: 'password',
        access: 'confidential',
        active: 'true',
        sort: 'name',
        page: 2,
      }),
    ).toEqual({
      q: 'a b',
      page: 2,
      count: 50,
      sort: '.name',
      filters: {
        _elements: '-_source',
        '.grant_types$contains': '"password"',
        '.secret$isnull': 'false',
        '.active': 'true',
      },
    });
    expect(toListParams(DEFAULT_VIEW)).toEqual({
      page: 1,
      count: 50,
      sort: '_id',
      filters: { _elements: '-_source' },
    });
  });

  it('uses only documented search forms: a quoted grant for a whole-element match, $isnull for the secret', () => {
    const { filters } = toListParams({ ...DEFAULT_VIEW, grant: 'code', access: 'public' });
    expect(filters).toEqual({
      _elements: '-_source',
      '.grant_types$contains': '"code"',
      '.secret$isnull': 'true',
    });
    // The documented SQL is an ilike on the JSON text: the quoted value finds only the element.
    const text = JSON.stringify(['authorization_code', 'basic']);
    expect(text.includes(filters!['.grant_types$contains']!)).toBe(false);
    expect(JSON.stringify(['code']).includes(filters!['.grant_types$contains']!)).toBe(true);
    expect(Object.keys(filters!).some((k) => k.includes('$missing'))).toBe(false);
  });

  it('knows when filters are set', () => {
    expect(hasFilters(DEFAULT_VIEW)).toBe(false);
    expect(hasFilters({ ...DEFAULT_VIEW, sort: 'name', page: 4 })).toBe(false);
    expect(hasFilters({ ...DEFAULT_VIEW, active: 'true' })).toBe(true);
  });

  it('labels ranges', () => {
    expect(rangeLabel(1, 50, 50, 10_000)).toBe('1–50 of 10,000');
    expect(rangeLabel(200, 50, 50, 10_000)).toBe('9,951–10,000 of 10,000');
    expect(rangeLabel(2, 50, 3, undefined)).toBe('51–53');
    expect(rangeLabel(1, 50, 0, 0)).toBe('0 of 0');
  });
});
