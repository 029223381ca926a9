import { encodeQuery } from '../../src/lib/query-string';

describe('encodeQuery', () => {
  it('keeps the order given and leaves out undefined and null', () => {
    expect(
      encodeQuery({ q: '户口', department: undefined, pageSize: 20, fullyOnline: true, scope: null, page: 1 }),
    ).toBe('q=%E6%88%B7%E5%8F%A3&pageSize=20&fullyOnline=true&page=1');
  });

  it('encodes every reserved character, so a value can never add a parameter or a fragment', () => {
    expect(encodeQuery({ q: ' a&b=c#d?e+f/g:h,i [1] ' })).toBe('q=%20a%26b%3Dc%23d%3Fe%2Bf%2Fg%3Ah%2Ci%20%5B1%5D%20');
    expect(encodeQuery({ 'a b': '' })).toBe('a%20b=');
  });

  it('is empty for no parameters', () => {
    expect(encodeQuery({})).toBe('');
    expect(encodeQuery({ q: undefined })).toBe('');
  });
});
