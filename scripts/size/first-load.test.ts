import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGET_BYTES, firstLoadScripts, formatReport, measureFirstLoad } from './first-load';

/** Code that compresses poorly, so that sizes differ from chunk to chunk. */
function code(length: number, seed: number): string {
  let text = '';
  let state = seed;
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += state.toString(36);
  }
  return text.slice(0, length);
}

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;

describe('the first-load measurement of a static export', () => {
  let out: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  };
  const chunks = {
    framework: code(6000, 1),
    main: code(3000, 2),
    page: code(1000, 3),
    polyfills: code(4000, 4),
    lazy: code(5000, 5),
  };

  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'size-'));
    for (const [name, content] of Object.entries(chunks)) {
      write(`_next/static/chunks/${name}.js`, content);
    }
    write(
      'week/index.html',
      [
        '<!DOCTYPE html><html><head>',
        '<link rel="preload" as="script" href="/_next/static/chunks/lazy.js"/>',
        '<script src="/_next/static/chunks/framework.js" async=""></script>',
        "<script src='/_next/static/chunks/main.js?v=1' async></script>",
        '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
        '</head><body><script>self.__next_f.push([1,"/_next/static/chunks/lazy.js"])</script>',
        '<script id="_R_">import("/_next/static/chunks/lazy.js")</script>',
        '<SCRIPT SRC="../_next/static/chunks/page.js" defer></SCRIPT>',
        '<script src="/_next/static/chunks/framework.js" async=""></script>',
        '</body></html>',
      ].join('\n'),
    );
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('lists each script tag with a src once, without noModule polyfills or inline scripts', () => {
    const html = `<script src="/a.js" async=""></script><script>var b = "/b.js"</script>
      <script nomodule src="/c.js"></script><script type="module" src='/d.js'></script>
      <script src="/a.js"></script>`;
    expect(firstLoadScripts(html)).toEqual(['/a.js', '/d.js']);
  });

  it('sums the gzip -9 sizes of the scripts the page loads, largest first', () => {
    const result = measureFirstLoad(out, 'week/index.html');
    expect(result.chunks).toEqual([
      {
        src: '/_next/static/chunks/framework.js',
        bytes: 6000,
        gzipBytes: gzipped(chunks.framework),
      },
      {
        src: '/_next/static/chunks/main.js?v=1',
        bytes: 3000,
        gzipBytes: gzipped(chunks.main),
      },
      { src: '../_next/static/chunks/page.js', bytes: 1000, gzipBytes: gzipped(chunks.page) },
    ]);
    expect(result.gzipBytes).toBe(
      gzipped(chunks.framework) + gzipped(chunks.main) + gzipped(chunks.page),
    );
  });

  it('leaves out chunks loaded later and legacy polyfills', () => {
    const measured = measureFirstLoad(out, 'week/index.html').chunks.map((chunk) => chunk.src);
    expect(measured.some((src) => src.includes('lazy') || src.includes('polyfills'))).toBe(false);
  });

  it('says to build first when the page is missing', () => {
    expect(() => measureFirstLoad(out, 'approvals/index.html')).toThrow(
      `${join(out, 'approvals/index.html')} is missing: run npm run build:web first`,
    );
  });

  it('names a script the page loads whose file is missing', () => {
    rmSync(join(out, '_next/static/chunks/main.js'));
    expect(() => measureFirstLoad(out, 'week/index.html')).toThrow(
      `week/index.html loads /_next/static/chunks/main.js?v=1, but ${join(out, '_next/static/chunks/main.js')} is missing`,
    );
  });

  it('refuses a script from another origin instead of leaving it out', () => {
    write('week/index.html', '<script src="https://cdn.example/x.js"></script>');
    expect(() => measureFirstLoad(out, 'week/index.html')).toThrow(
      'week/index.html loads https://cdn.example/x.js from another origin',
    );
  });

  it('reports the total against the budget with the biggest scripts', () => {
    const result = measureFirstLoad(out, 'week/index.html');
    const report = formatReport(result, BUDGET_BYTES, 2).split('\n');
    expect(report[0]).toMatch(
      new RegExp(
        `^week/index.html: first-load JavaScript [\\d.]+ KiB gzip \\(${result.gzipBytes} bytes, 3 scripts\\), within the budget of 200.0 KiB$`,
      ),
    );
    expect(report).toHaveLength(4);
    expect(report[2]).toContain('/_next/static/chunks/framework.js');
    expect(formatReport(result, 100)).toContain('OVER the budget of 0.1 KiB');
  });
});
