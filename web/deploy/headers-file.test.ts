import { formatHeadersFile } from './headers-file';
import type { PolicyConfig } from './security-headers';
import { contentSecurityPolicy } from './security-headers';

const CONFIG: PolicyConfig = {
  apiUrl: 'https://api.abc-inc.example/graphql',
  issuer: 'https://abc.eu.auth0.com/',
  authDomain: 'abc.eu.auth0.com',
};
const HOME = '<script>home()</script>';
const WEEK = '<script>week()</script>';
const PAGES = [
  { file: 'index.html', html: HOME },
  { file: 'week/index.html', html: WEEK },
];

/** The rules of a `_headers` file: path → header lines. */
function rulesOf(text: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const block of text.split('\n\n')) {
    const [path, ...lines] = block
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    if (path) rules.set(path, lines);
  }
  return rules;
}

describe('formatHeadersFile', () => {
  it("gives each page path its own page's policy", () => {
    const rules = rulesOf(formatHeadersFile(CONFIG, PAGES));
    const week = `  Content-Security-Policy: ${contentSecurityPolicy(CONFIG, WEEK)}`;
    expect(rules.get('/week/')).toEqual([week]);
    expect(rules.get('/week')).toEqual([week]);
    expect(rules.get('/week/index.html')).toEqual([week]);
    expect(rules.get('/')).toEqual([
      `  Content-Security-Policy: ${contentSecurityPolicy(CONFIG, HOME)}`,
    ]);
  });

  it('sends every path the static headers and a policy allowing the inline code of any page', () => {
    const rules = rulesOf(formatHeadersFile(CONFIG, PAGES));
    expect(rules.get('/*')).toEqual([
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: no-referrer',
      `  Content-Security-Policy: ${contentSecurityPolicy(CONFIG, [HOME, WEEK])}`,
    ]);
    expect([...rules.keys()]).toEqual([
      '/*',
      '/',
      '/index.html',
      '/week/',
      '/week',
      '/week/index.html',
    ]);
  });

  it('starts with a comment saying how to write it again, and ends with a newline', () => {
    const text = formatHeadersFile(CONFIG, PAGES);
    expect(text.startsWith('# Security headers')).toBe(true);
    expect(text).toContain('npm run web:headers');
    expect(text.endsWith("form-action 'self'\n")).toBe(true);
  });
});
