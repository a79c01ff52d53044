// What a first visit really fetches, read from Chromium's network events: the page's own assets and
// nothing of the export tooling (worker script, tools wasm), within the 300 KB gzip budget; those
// come on the first export only (and then the export works).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDist, launchBrowser, DossierPage, SUB_PATH } from './support.mjs';

const DIST = path.resolve(process.env.DOSSIER_DIST || 'dist');
const BUDGET_KB = 300;
const TOOLS = /^(worker\.js|dossier-tools(_bg\.wasm|\.js))$/;

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The dist files behind the URLs requested so far (paths under the sub-path). */
const files = (urls) => [...new Set(urls
  .map((u) => new URL(u).pathname)
  .filter((p) => p.startsWith(SUB_PATH))
  .map((p) => decodeURIComponent(p.slice(SUB_PATH.length)) || 'index.html'))];

test('a first visit fetches only the page assets, within budget; the export tooling waits for an export', async () => {
  const context = await browser.newContext();
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  const page = new DossierPage(await context.newPage());
  await page.open(server.url);
  await page.page.waitForLoadState('networkidle');
  await page.page.waitForTimeout(300);

  const first = files(urls);
  assert.ok(first.some((f) => f.endsWith('.wasm')), `the page's wasm was fetched: ${first}`);
  assert.deepEqual(first.filter((f) => TOOLS.test(f)), [], `no tools module on a first visit: ${first}`);
  const gz = first.map((f) => zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length);
  const kb = gz.reduce((a, b) => a + b, 0) / 1024;
  console.log(`first visit: ${first.length} files, ${kb.toFixed(1)} KB gzip: ${first.join(', ')}`);
  assert.ok(kb <= BUDGET_KB, `first load ${kb.toFixed(1)} KB gzip > ${BUDGET_KB} KB`);

  // The first export brings the worker and the tools module in, and the file arrives.
  const button = page.page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'JSON' });
  const [download] = await Promise.all([page.page.waitForEvent('download'), button.click()]);
  const out = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(out.articles.length, 2);
  const later = files(urls).filter((f) => TOOLS.test(f)).sort();
  assert.deepEqual(later, ['dossier-tools.js', 'dossier-tools_bg.wasm', 'worker.js']);
  assert.deepEqual(page.errors, []);
  await context.close();
});
