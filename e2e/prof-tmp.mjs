// scratch (not committed): CPU profile of one action on the bench site
import { serveDist, launchBrowser } from './support.mjs';
const site = process.argv[2];
const which = process.argv[3] || 'date';
const server = await serveDist(site);
const browser = await launchBrowser();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await page.goto(server.url);
await page.locator('[data-corpus=bundle] main#main > *').first().waitFor({ timeout: 300000 });
const companies = await page.locator('fieldset.facet').first().locator('input[type=checkbox]').evaluateAll((xs) => xs.map((x) => x.id));
const acts = {
  date: [{ id: 'from', value: '2019-03-01' }, { id: 'from', value: '' }],
  search: [{ id: 'q', value: 'minister' }, { id: 'q', value: '' }],
  company: [{ id: companies[3] }, { id: companies[3] }],
  scale: [{ id: 'scale-year' }, { id: 'scale-month' }],
};
async function run(a) {
  return page.evaluate(async (a) => {
    const t0 = performance.now();
    const el = document.getElementById(a.id);
    if (a.value !== undefined) { el.value = a.value; el.dispatchEvent(new Event('change')); } else el.click();
    await new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
    void document.body.offsetHeight;
    const first = performance.now() - t0;
    while (document.querySelector('ol.axis[data-pending]')) await new Promise((r) => setTimeout(r, 0));
    return [first, performance.now() - t0];
  }, a);
}
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (which === 'datestar') { await run(acts.company[0]); }
const [apply, undo] = acts[which === 'datestar' ? 'date' : which];
await run(apply); await run(undo);
await cdp.send('Profiler.start');
const r1 = await run(which === 'search' ? { id: 'q', value: 'ha noi' } : apply);
const { profile } = await cdp.send('Profiler.stop');
console.log('wall', r1);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) || 0) + dt[i] / 1000); total += dt[i] / 1000; });
// inclusive: build parent map
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, i) => { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = n.callFrame.functionName || '(anon)'; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + dt[i] / 1000); } cur = parent.get(cur); } });
console.log('total sampled', total.toFixed(1));
console.log('--- self'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k));
console.log('--- inclusive'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60).forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k));
await browser.close(); await server.close();
