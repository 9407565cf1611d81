import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageFileFor, pagePaths, readSitePages } from './site-pages';

const FILES = new Set(['index.html', 'week/index.html', '404.html', '404/index.html']);

describe('pageFileFor', () => {
  it('resolves a path to its page as sirv does', () => {
    expect(pageFileFor('/', FILES)).toBe('index.html');
    expect(pageFileFor('/index.html', FILES)).toBe('index.html');
    expect(pageFileFor('/week/', FILES)).toBe('week/index.html');
    expect(pageFileFor('/week', FILES)).toBe('week/index.html');
    expect(pageFileFor('/week/index.html', FILES)).toBe('week/index.html');
    // sirv tries /404.html before /404/index.html.
    expect(pageFileFor('/404/', FILES)).toBe('404.html');
  });

  it('names no page for an asset or an unknown path', () => {
    expect(pageFileFor('/config.json', FILES)).toBeUndefined();
    expect(pageFileFor('/nowhere/', FILES)).toBeUndefined();
  });
});

describe('pagePaths', () => {
  it('lists the paths a page answers, leaving those another page answers first', () => {
    expect(pagePaths('index.html', FILES)).toEqual(['/', '/index.html']);
    expect(pagePaths('week/index.html', FILES)).toEqual(['/week/', '/week', '/week/index.html']);
    expect(pagePaths('404.html', FILES)).toEqual(['/404', '/404.html']);
    expect(pagePaths('404/index.html', FILES)).toEqual(['/404/index.html']);
  });
});

describe('readSitePages', () => {
  it('reads every HTML file of an export, with posix paths, in order', () => {
    const out = mkdtempSync(join(tmpdir(), 'timesheets-out-'));
    try {
      mkdirSync(join(out, 'week'));
      mkdirSync(join(out, '_next'));
      writeFileSync(join(out, 'week', 'index.html'), '<p>week</p>');
      writeFileSync(join(out, 'index.html'), '<p>home</p>');
      writeFileSync(join(out, '_next', 'app.js'), 'run()');
      writeFileSync(join(out, 'config.json'), '{}');
      expect(readSitePages(out)).toEqual([
        { file: 'index.html', html: '<p>home</p>' },
        { file: 'week/index.html', html: '<p>week</p>' },
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
