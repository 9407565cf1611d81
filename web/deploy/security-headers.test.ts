import type { PolicyConfig } from './security-headers';
import { contentSecurityPolicy, cspHash, inlineHashes, securityHeaders } from './security-headers';

const LOCAL: PolicyConfig = {
  apiUrl: 'http://localhost:4000/graphql',
  issuer: 'http://localhost:4400/',
  authDomain: 'http://localhost:4400',
};

const FLIGHT_START = '(self.__next_f=self.__next_f||[]).push([0])';
const CHUNK_LIST =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"]})';
const FLIGHT_DATA = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';

/** A page shaped like Next's static export of an App Router route. */
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script src="/_next/static/chunks/legacy.js" noModule=""></script>',
  `<script id="_R_">${CHUNK_LIST}</script>`,
  '</head><body><!--$--><main>Hi</main><!--/$-->',
  `<script>${FLIGHT_START}</script><script>${FLIGHT_DATA}</script>`,
  '</body></html>',
].join('');

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...values] = directive.split(' ');
      return [name, values];
    }),
  );
}

describe('cspHash', () => {
  it('is the base64 SHA-256 of the text, as Chromium reports for the same script', () => {
    // The value Chromium printed when it refused this script of our build.
    expect(cspHash(FLIGHT_START)).toBe("'sha256-OBTN3RiyCV4Bq7dFqZ5a2pAXjnCcCYeTJMO2I/LYKeo='");
  });

  it('hashes CR LF line breaks as LF, as the HTML parser reads them', () => {
    expect(cspHash('a();\r\nb();\rc();')).toBe(cspHash('a();\nb();\nc();'));
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(cspHash('"Emma’s week"')).toBe("'sha256-Dz3Obj7dJwETeK8JbjgQ46kzdkDKFp3Xq0WqOSyrdNg='");
  });
});

describe('inlineHashes', () => {
  it('hashes each inline script of a Next page once, in document order, and no external one', () => {
    expect(inlineHashes(`${PAGE}<script>${FLIGHT_START}</script>`).scripts).toEqual([
      cspHash(CHUNK_LIST),
      cspHash(FLIGHT_START),
      cspHash(FLIGHT_DATA),
    ]);
  });

  it('leaves out data scripts, empty scripts and scripts inside comments', () => {
    const html =
      '<script type="application/json">{"a":1}</script><script></script>' +
      '<!-- <script>old()</script> --><script type="module">run()</script>';
    expect(inlineHashes(html).scripts).toEqual([cspHash('run()')]);
  });

  it('reads a script whose attributes hold a ">" in quotes', () => {
    expect(inlineHashes('<script data-x="a>b">go()</script>').scripts).toEqual([cspHash('go()')]);
  });

  it('hashes inline style elements and decoded style attributes', () => {
    const html =
      '<style>.a{color:red}</style><div style="width:32px;font-family:&quot;A&quot;"></div>';
    expect(inlineHashes(html)).toEqual({
      scripts: [],
      styles: [cspHash('.a{color:red}')],
      styleAttributes: [cspHash('width:32px;font-family:"A"')],
    });
  });

  it('finds no inline style in a Next page', () => {
    expect(inlineHashes(PAGE)).toMatchObject({ styles: [], styleAttributes: [] });
  });
});

describe('contentSecurityPolicy', () => {
  it("allows the page's inline scripts by hash and no other inline code", () => {
    const policy = directives(contentSecurityPolicy(LOCAL, PAGE));
    expect(policy['script-src']).toEqual([
      "'self'",
      cspHash(CHUNK_LIST),
      cspHash(FLIGHT_START),
      cspHash(FLIGHT_DATA),
    ]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['style-src-attr']).toBeUndefined();
  });

  it('names the API endpoint and the authorization server from config.json for calls and frames', () => {
    const policy = directives(contentSecurityPolicy(LOCAL, PAGE));
    expect(policy['connect-src']).toEqual([
      "'self'",
      'http://localhost:4000/graphql',
      'http://localhost:4400',
    ]);
    expect(policy['frame-src']).toEqual(['http://localhost:4400']);
  });

  it('reads a bare Auth0 domain as https, and names a custom domain beside the issuer', () => {
    const policy = directives(
      contentSecurityPolicy({
        apiUrl: 'https://api.abc-inc.example/graphql?x=1#y',
        issuer: 'https://abc.eu.auth0.com/',
        authDomain: 'login.abc-inc.example',
      }),
    );
    expect(policy['connect-src']).toEqual([
      "'self'",
      'https://api.abc-inc.example/graphql',
      'https://abc.eu.auth0.com',
      'https://login.abc-inc.example',
    ]);
    expect(policy['frame-src']).toEqual([
      'https://abc.eu.auth0.com',
      'https://login.abc-inc.example',
    ]);
  });

  it('forbids framing, plugins, other bases and forms posting elsewhere', () => {
    const policy = directives(contentSecurityPolicy(LOCAL, PAGE));
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'font-src': ["'self'"],
    });
  });

  it('never allows unsafe-inline, unsafe-eval or a wildcard host', () => {
    const policy = contentSecurityPolicy(LOCAL, [PAGE, '<div style="color:red"></div>']);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\s\*/);
    expect(directives(policy)['style-src-attr']).toEqual(["'unsafe-hashes'", cspHash('color:red')]);
  });

  it('allows no inline script without a page, and those of every page given several', () => {
    expect(directives(contentSecurityPolicy(LOCAL))['script-src']).toEqual(["'self'"]);
    const both = contentSecurityPolicy(LOCAL, [PAGE, '<script>a()</script>', PAGE]);
    expect(directives(both)['script-src']).toEqual([
      "'self'",
      cspHash(CHUNK_LIST),
      cspHash(FLIGHT_START),
      cspHash(FLIGHT_DATA),
      cspHash('a()'),
    ]);
  });

  it('fails naming the setting when a URL cannot go into a policy', () => {
    expect(() => contentSecurityPolicy({ ...LOCAL, issuer: 'not a url' })).toThrow(
      'config.json: "issuer" is not a URL the policy can name (not a url)',
    );
    expect(() => contentSecurityPolicy({ ...LOCAL, apiUrl: 'ftp://files.example/' })).toThrow(
      'config.json: "apiUrl" must be an http(s) URL',
    );
    expect(() =>
      contentSecurityPolicy({ ...LOCAL, apiUrl: "http://localhost:4000/graphql;x'" }),
    ).toThrow('config.json: "apiUrl" holds a character a CSP cannot carry');
  });
});

describe('securityHeaders', () => {
  it('sends the policy with nosniff and no referrer', () => {
    expect(securityHeaders(LOCAL, PAGE)).toEqual({
      'Content-Security-Policy': contentSecurityPolicy(LOCAL, PAGE),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});
