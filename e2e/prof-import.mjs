// Profile of an import (not a test): imports N generated articles like bench-import.mjs with the CPU
// profiler and a trace on; for each main-thread task longer than MIN_MS (default 50) it prints what
// the trace saw in it (layout, style, script...; DETAIL=1 adds each layout's dirty objects) and the
// TOP functions by inclusive time of the samples taken during it. For wasm function names, build a
// copy of the page with wasm-opt off (data-wasm-opt="0" in a scratch index.html, trunk --dist DIR).
// Usage: node e2e/prof-import.mjs [N] [DIST]
import { serveDist, launchBrowser, DossierPage, benchFiles } from './support.mjs';

const n = Number(process.argv[2] || 10000);
const server = await serveDist(process.argv[3]);
const browser = await launchBrowser();
const payload = benchFiles(n, 'prof');
const context = await browser.newContext();
const tab = await context.newPage();
const page = new DossierPage(tab);
await page.open(server.url, process.env.VIEW ? `?view=${process.env.VIEW}` : '');
const p = page.page;
const cdp = await context.newCDPSession(p);
await p.getByText('Import your articles').click();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
// A trace gives the main thread's task boundaries (RunTask events), on the profiler's clock.
const traceChunks = [];
cdp.on('Tracing.dataCollected', (e) => traceChunks.push(...e.value));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel'] } });
await p.getByLabel(/Drop files here/).setInputFiles(payload);
await p.waitForFunction((n) => document.querySelector('.mine h3')?.textContent.endsWith(`(${n})`),
  n, { timeout: 60 * 60 * 1000, polling: 250 });
await p.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end');
await traced;
await context.close();
await browser.close();
await server.close();

const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const x of profile.nodes) for (const c of x.children || []) parent.set(c, x.id);
const name = (x) => x.callFrame.functionName || `(anon ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber})`;
// The renderer's main thread, and its tasks over 50 ms.
const main = traceChunks.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const runs = traceChunks.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid && e.dur > Number(process.env.MIN_MS || 50) * 1000)
  .map((e) => ({ start: e.ts, end: e.ts + e.dur, samples: [] }));
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const r = runs.find((r) => t >= r.start && t <= r.end);
  if (r) r.samples.push([profile.samples[i], profile.timeDeltas[i + 1] || 0]);
}
const tasks = runs;
const long = tasks;
console.log(`${long.length} main-thread tasks over ${process.env.MIN_MS || 50} ms`);
for (const r of long) {
  const incl = new Map();
  for (const [id, dt] of r.samples) {
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const nm = name(byId.get(x));
      if (seen.has(nm)) continue;
      seen.add(nm);
      incl.set(nm, (incl.get(nm) || 0) + dt);
    }
  }
  const inTask = traceChunks.filter((e) => e.ph === 'X' && e.tid === main.tid && e.pid === main.pid && e.name !== 'RunTask' && e.ts >= r.start && e.ts < r.end);
  for (const e of inTask.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree')) {
    if (process.env.DETAIL) console.log(e.name, (e.dur / 1000).toFixed(1), JSON.stringify(e.args).slice(0, 300));
  }
  const byName = new Map();
  for (const e of inTask) byName.set(e.name, (byName.get(e.name) || 0) + (e.dur || 0));
  const trace = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ');
  console.log(`\n== task at ${((r.start - profile.startTime) / 1e6).toFixed(2)} s: ${((r.end - r.start) / 1000).toFixed(1)} ms; trace: ${trace}`);
  [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 45))
    .forEach(([k, v]) => console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k.slice(0, 150)}`));
}
