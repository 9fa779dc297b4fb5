import { maskedUrl } from './masked-url';

describe('maskedUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskedUrl('postgres://crm:s3cret@db.example:5432/zhaoshang')).toBe('postgres://crm:***@db.example:5432/zhaoshang');
    expect(maskedUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('prints nothing of a URL it cannot parse (it might hold a password)', () => {
    expect(maskedUrl('not a url with p@ss')).toBe('(unparsable URL)');
  });
});
