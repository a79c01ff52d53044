// Shared by the end-to-end specs: serves dist/ under a sub-path (as GitHub Pages does) and starts
// Debian's Chromium through playwright-core with the flags this closed network needs.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const SUB_PATH = '/dossier/';
const DIST = path.resolve(process.env.DOSSIER_DIST || 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Serve `dist` (default DIST) under SUB_PATH on 127.0.0.1 (a free port); resolves to { url, close }. */
export function serveDist(dist = DIST) {
  const root = path.resolve(dist);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no build in ${root}: run trunk build --release --public-url ${SUB_PATH} first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(SUB_PATH)) { res.writeHead(404); res.end('not under ' + SUB_PATH); return; }
    let rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${SUB_PATH}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Debian's Chromium, headless, with nothing that reaches out to the network. */
/**
 * The benchmark corpus of `n` generated articles (the command line's `gen-corpus`), as files under
 * the page's 5 MiB limit; resolves to their paths. Given as paths, Playwright hands them to Chromium
 * as files (with buffers it would decode them in the page's main thread, a long task of its own).
 */
export function benchFiles(n, tag = 'bench') {
  const out = path.join(os.tmpdir(), `dossier-bench-${n}.jsonl`);
  execFileSync('cargo', ['run', '--release', '-q', '--bin', 'dossier', '--', 'gen-corpus', String(n), out], { stdio: 'inherit' });
  const lines = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
  const files = [];
  let cur = [], bytes = 0;
  for (const l of lines) {
    if (bytes + l.length + 1 > 4.5 * 1024 * 1024) { files.push(cur); cur = []; bytes = 0; }
    cur.push(l); bytes += Buffer.byteLength(l) + 1;
  }
  if (cur.length) files.push(cur);
  return files.map((f, i) => {
    const file = path.join(os.tmpdir(), `dossier-${tag}-${n}-part-${i + 1}.jsonl`);
    fs.writeFileSync(file, f.join('\n') + '\n');
    return file;
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A page object over the Dossier page: opens it, records console errors, and reads what a person sees.
 */
export class DossierPage {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('pageerror', (e) => this.errors.push(String(e)));
  }

  /** Open the page (with an optional `?query`) and wait until the main area is drawn. */
  async open(baseUrl, query = '') {
    this.baseUrl = baseUrl;
    await this.page.goto(baseUrl + query);
    await this.page.locator('main#main > *').first().waitFor();
    return this;
  }

  get timeline() { return this.page.getByRole('region', { name: 'Timeline' }); }
  get main() { return this.page.getByRole('main'); }
  get filters() { return this.page.getByRole('complementary', { name: 'Filters' }); }
  /** The Company facet: a group of checkboxes, one per company ("Name (count)"). */
  get company() { return this.page.getByRole('group', { name: 'Company' }); }
  get search() { return this.page.getByLabel('Search'); }
  get from() { return this.page.getByLabel('From', { exact: true }); }
  get to() { return this.page.getByLabel('To', { exact: true }); }
  get views() { return this.page.getByRole('navigation', { name: 'Views' }); }

  /** The checkbox of `value` in the facet group named `group`. */
  facetBox(group, value) {
    return this.page.getByRole('group', { name: group })
      .getByRole('checkbox', { name: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`) });
  }

  /** Tick a company in the Company facet by its name. */
  async chooseCompany(name) { await this.facetBox('Company', name).check(); }

  /** Type a full-text query and commit it (Enter). */
  async searchFor(text) {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  /** Go to a view through the navigation ("Timeline", "Topics", ...). */
  async goTo(name) { await this.views.getByRole('link', { name }).click(); }

  /** The text of each meeting card on the timeline, in order. */
  async meetings() { return this.timeline.locator('.meeting').allInnerTexts(); }

  /** The dates shown on the timeline, in order (one per day that has meetings). */
  async dates() { return this.timeline.locator('.date-group h4').allInnerTexts(); }

  /** The query string of the page's URL. */
  query() { return new URL(this.page.url()).search; }
}
