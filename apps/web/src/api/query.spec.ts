import { buildQuery } from './query';

describe('list filters as a query string', () => {
  it('leaves out empty and unset filters and trims search text', () => {
    expect(buildQuery({ q: '  锂业 ', stage: undefined, industry: '', over100m: true, limit: 20, cursor: null })).toBe(
      `?q=${encodeURIComponent('锂业')}&over100m=true&limit=20`,
    );
  });

  it('is empty without filters and repeats array values', () => {
    expect(buildQuery(undefined)).toBe('');
    expect(buildQuery({ a: undefined })).toBe('');
    expect(buildQuery({ id: ['x', 'y'] })).toBe('?id=x&id=y');
    expect(buildQuery({ min: Number.NaN, max: 0 })).toBe('?max=0');
  });
});
