// Benchmark (not a test): the explorer over a 10,000-article precomputed corpus in headless Chromium.
// Builds (or reuses) the corpus with `dossier gen-corpus` + `dossier bundle`, serves a copy of dist/
// with it, and measures (a) applying a filter (company, date range, search) and (b) drawing a
// timeline of 1,000 meetings. For each action: script time (CDP Performance ScriptDuration delta),
// style + layout time, and wall time from the event to a forced layout once every effect has run.
// The timeline draws about a screenful of cards and the rest as the reader scrolls near them, so
// (c) scrolling a 1,000-meeting timeline to its end is measured too (every card drawn), and (d)
// opening the topics, entities and network views.
// Prints medians of RUNS runs, and the machine load.
//
// usage: node e2e/bench-explorer.mjs [N=10000] [RUNS=7]     (cache: $BENCH_DIR or /tmp/dossier-bench)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser } from './support.mjs';
import { dossier, DIST } from './cli.mjs';

const N = Number(process.argv[2] || 10000);
const RUNS = Number(process.argv[3] || 7);
const DIR = process.env.BENCH_DIR || '/tmp/dossier-bench';

function corpus() {
  const jsonl = path.join(DIR, `corpus-${N}.jsonl`);
  const bundle = path.join(DIR, `bundle-${N}`);
  fs.mkdirSync(DIR, { recursive: true });
  if (!fs.existsSync(jsonl)) process.stderr.write(dossier(['gen-corpus', String(N), jsonl]));
  if (!fs.existsSync(path.join(bundle, 'corpus-index.json'))) process.stderr.write(dossier(['bundle', bundle, jsonl]));
  const site = path.join(DIR, `site-${N}`);
  fs.rmSync(site, { recursive: true, force: true });
  fs.cpSync(DIST, site, { recursive: true });
  fs.rmSync(path.join(site, 'bundle'), { recursive: true, force: true });
  fs.cpSync(bundle, path.join(site, 'bundle'), { recursive: true });
  return site;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * Run `act` in the page (an action descriptor). `first`: from the event to a forced layout once the
 * effects ran (the first task: what blocks the page); `full`: until a long timeline has drawn its
 * last chunk. `script` and `layout` (style + layout) are CDP totals over the whole run.
 */
async function measure(page, cdp, act) {
  const before = await metrics(cdp);
  const wall = await page.evaluate(async (a) => {
    const post = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
    const push0 = window.__pushMs;
    const t0 = performance.now();
    const el = a.sel ? document.querySelector(a.sel) : document.getElementById(a.id);
    if (a.value !== undefined) { el.value = a.value; el.dispatchEvent(new Event('change')); } else el.click();
    // Effects run as microtasks: a posted message runs after all of them.
    await post();
    void document.body.offsetHeight;
    const first = performance.now() - t0;
    while (document.querySelector('ol.axis[data-pending]')) await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight;
    return { first, full: performance.now() - t0, push: window.__pushMs - push0 };
  }, act);
  const after = await metrics(cdp);
  const d = (k) => (after[k] - before[k]) * 1000;
  return { ...wall, script: d('ScriptDuration'), layout: d('LayoutDuration') + d('RecalcStyleDuration') };
}

async function count(page) {
  return page.evaluate(() => ({
    meetings: document.querySelectorAll('.timeline .meeting').length,
    count: document.querySelector('.timeline .count')?.textContent,
    articles: document.querySelectorAll('.articles .article').length,
    status: document.querySelector('[role=status].sr-only')?.textContent,
  }));
}

const site = corpus();
const server = await serveDist(site);
const browser = await launchBrowser();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const t0 = Date.now();
await page.goto(server.url);
await page.locator('[data-corpus=bundle] main#main > *').first().waitFor({ timeout: 300000 });
const loadMs = Date.now() - t0;
// Time spent in the browser's history.pushState (each filter change is a history entry): part of
// the script time, but the browser's own work, so it is shown apart.
await page.evaluate(() => {
  const push = history.pushState.bind(history);
  window.__pushMs = 0;
  history.pushState = (...a) => { const t = performance.now(); push(...a); window.__pushMs += performance.now() - t; };
});
const heap = (await metrics(cdp)).JSHeapUsedSize;
console.log(`corpus: ${N} articles; load ${(loadMs / 1000).toFixed(1)} s, JS heap ${(heap / 1e6).toFixed(0)} MB; ${JSON.stringify(await count(page))}`);

const companies = await page.locator('fieldset.facet').first().locator('input[type=checkbox]').evaluateAll((xs) => xs.map((x) => x.id));
const queries = ['ha noi', 'minister', 'semiconductor', 'investasi', 'président', 'cloud', 'nhà máy', 'kerja sama', 'datacenter', 'ministre', 'teknologi'];
const kinds = {
  company: (i) => [{ id: companies[(3 + i) % companies.length] }, { id: companies[(3 + i) % companies.length] }],
  'date range': (i) => [{ id: 'from', value: `20${18 + (i % 5)}-03-01` }, { id: 'from', value: '' }],
  search: (i) => [{ id: 'q', value: queries[i % queries.length] }, { id: 'q', value: '' }],
};
const rows = [];
/** RUNS times: apply a filter (measured), then undo it; one row of the table. */
async function row(kind, acts) {
  const runs = [];
  let shown;
  for (let i = 0; i < RUNS; i++) {
    const [apply, undo] = acts(i);
    runs.push(await measure(page, cdp, apply));
    shown = shown || await count(page);
    await measure(page, cdp, undo);
  }
  rows.push([kind, runs, shown]);
}
for (const [kind, acts] of Object.entries(kinds)) await row(kind, acts);
// The same date range and search on a page already narrowed to one company (a small page to redraw).
{
  const company = { id: companies[3 % companies.length] };
  await measure(page, cdp, company);
  await row('date range*', kinds['date range']);
  await row('search*', kinds.search);
  await measure(page, cdp, company);
}
// A timeline of 1,000 meetings: switch the scale (months ⇄ years), which draws the timeline again.
{
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(page, cdp, { id: i % 2 ? 'scale-month' : 'scale-year' }));
  rows.push(['timeline redraw', runs, await count(page)]);
}
// Open each other view of the whole corpus from the timeline (and go back): the topics (heatmap and
// sentences per topic), the entity index and the network are drawn from every article at once.
for (const view of ['topics', 'entities', 'network']) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await measure(page, cdp, { sel: `nav.views a[href*="view=${view}"]` }));
    await measure(page, cdp, { sel: 'nav.views li:first-child a' });
  }
  rows.push([`view ${view}`, runs, await count(page)]);
}
// Scroll a 1,000-meeting timeline to its end: everything drawn as it comes near the window.
{
  const runs = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    await measure(page, cdp, { id: i % 2 ? 'scale-month' : 'scale-year' });
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await metrics(cdp);
    const wall = await page.evaluate(async () => {
      const t0 = performance.now();
      for (let s; (s = document.querySelector('.timeline .more-sentinel')); ) {
        window.scrollTo(0, s.getBoundingClientRect().top + window.scrollY - window.innerHeight / 2);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      void document.body.offsetHeight;
      return performance.now() - t0;
    });
    const after = await metrics(cdp);
    const d = (k) => (after[k] - before[k]) * 1000;
    runs.push({ first: 0, full: wall, push: 0, script: d('ScriptDuration'), layout: d('LayoutDuration') + d('RecalcStyleDuration') });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  rows.push(['scroll to end', runs, await count(page)]);
}
for (const [kind, runs, shown] of rows) {
  const m = (k) => median(runs.map((r) => r[k])).toFixed(1);
  console.log(`${kind.padEnd(16)} script ${m('script').padStart(6)} ms (pushState ${m('push').padStart(5)})  style+layout ${m('layout').padStart(6)} ms  first task ${m('first').padStart(6)} ms  complete ${m('full').padStart(6)} ms  (median of ${runs.length}; ${shown.count}, ${shown.meetings} drawn, ${shown.articles} articles)`);
}
console.log('(* on a page already narrowed to one company)');
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await browser.close();
await server.close();
