// Import benchmark (not a test): generates corpora of 1,000 and 10,000 articles with the command line,
// imports each through the file input of the built page in headless Chromium, and reports the total
// time, the peak JS heap (CDP Performance metrics, polled), the page's wasm memory, and the main thread's long tasks (> 50 ms,
// PerformanceObserver); then deletes them all (Delete all) and reports its time and long tasks. Usage: (source scripts/page-env.sh && trunk build --release --offline --public-url /dossier/) && node e2e/bench-import.mjs [N...]
import { serveDist, launchBrowser, DossierPage, benchFiles } from './support.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = sizes.length ? sizes : [1000, 10000];
const server = await serveDist();
const browser = await launchBrowser();
const rows = [];
for (const n of runs) {
  const payload = benchFiles(n);

  const context = await browser.newContext();
  const tab = await context.newPage();
  // The page's wasm memory (linear memory only grows: its final size is its peak).
  await tab.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  const page = new DossierPage(tab);
  // VIEW=topics|entities|network imports with that view open (default: the timeline).
  await page.open(server.url, process.env.VIEW ? `?view=${process.env.VIEW}` : '');
  const p = page.page;
  const cdp = await context.newCDPSession(p);
  await cdp.send('Performance.enable');
  await p.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  await p.getByText('Import your articles').click();
  await p.evaluate(() => { window.__long.length = 0; });
  let peak = 0, polling = true;
  const poll = (async () => {
    while (polling) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value || 0;
      peak = Math.max(peak, heap);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = Date.now();
  await p.getByLabel(/Drop files here/).setInputFiles(payload);
  // Until the import is over and the panel lists all of them (cheap checks: polling the page's
  // text would itself make long tasks).
  await p.waitForFunction((n) => document.querySelector('.mine h3')?.textContent.endsWith(`(${n})`),
    n, { timeout: 60 * 60 * 1000, polling: 250 });
  const ms = Date.now() - t0;
  polling = false;
  await poll;
  await p.waitForTimeout(300);
  const long = await p.evaluate(() => window.__long);
  const wasmMem = await p.evaluate(() => window.__wasm?.memory?.buffer.byteLength || 0);
  rows.push({
    articles: n, files: payload.length, seconds: (ms / 1000).toFixed(1),
    peakHeapMB: (peak / 1048576).toFixed(1), wasmMemoryMB: (wasmMem / 1048576).toFixed(1),
    longTasks: long.length, longestMs: Math.round(Math.max(0, ...long)),
    over200ms: long.filter((d) => d > 200).length,
  });
  // Then Delete all (after the confirmation): the corpus shrinks back in steps too.
  await p.evaluate(() => { window.__long.length = 0; });
  p.once('dialog', (d) => d.accept());
  const t1 = Date.now();
  await p.getByRole('button', { name: 'Delete all your articles' }).click();
  await p.waitForFunction(() => document.querySelector('.mine')?.hidden
    && !document.querySelector('section.articles .badge.mine'), null, { timeout: 60 * 60 * 1000, polling: 250 });
  const clearMs = Date.now() - t1;
  await p.waitForTimeout(300);
  const longClear = await p.evaluate(() => window.__long);
  Object.assign(rows[rows.length - 1], {
    clearSeconds: (clearMs / 1000).toFixed(1), clearLongTasks: longClear.length,
    clearLongestMs: Math.round(Math.max(0, ...longClear)),
  });
  console.log(rows[rows.length - 1]);
  await context.close();
}
console.table(rows);
await browser.close();
await server.close();
