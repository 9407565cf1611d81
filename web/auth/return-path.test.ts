import { DEFAULT_RETURN_PATH, safeReturnPath } from './return-path';

const ORIGIN = 'http://localhost:3000';

describe('safeReturnPath', () => {
  it('keeps a path of the app, with its query', () => {
    expect(safeReturnPath('/week/?week=2026-11-23', ORIGIN)).toBe('/week/?week=2026-11-23');
  });

  it.each([
    '//evil.example/',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    'http://evil.example/',
    'javascript:alert(1)',
    '',
    42,
    null,
  ])('refuses %j, which leaves the app, for the default', (returnTo) => {
    expect(safeReturnPath(returnTo, ORIGIN)).toBe(DEFAULT_RETURN_PATH);
  });
});
