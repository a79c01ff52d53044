// Dossier (Rust core → wasm) against compromise and wink-nlp on the same English text, in one Node process.
//
// Input: the English dev articles (lang "en") of shared/corpus/dev, repeated until their texts reach
// ≥ 1 MiB; every tool gets the same article-sized chunks, one call per article (that is how Dossier runs).
// "Tokens" = whitespace-separated tokens of the input, counted once, the same figure for every tool;
// tokens/s = that count / the tool's median time for one full pass.
//
// Usage: node run.mjs [--warmup 2] [--iters 7] [--min-bytes 1048576] [--dev DIR] [--tools dossier,wink-nlp,compromise]

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const WARMUP = Number(arg('warmup', 2));
const ITERS = Number(arg('iters', 7));
const MIN_BYTES = Number(arg('min-bytes', 1 << 20));
const ONLY = arg('tools', '').split(',').filter(Boolean);
const DEV = path.resolve(arg('dev', path.join(here, '../../shared/corpus/dev')));

// ---- input -------------------------------------------------------------------------------------
const english = readdirSync(DEV)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(DEV, f), 'utf8')))
  .filter((a) => a.lang === 'en');
if (english.length === 0) throw new Error(`no English article in ${DEV}`);

const chunks = []; // { text, json } one per article
let bytes = 0;
for (let round = 0; bytes < MIN_BYTES; round++) {
  for (const a of english) {
    const art = { id: `${a.id}#${round}`, lang: 'en', published: a.published, text: a.text };
    chunks.push({ text: a.text, json: JSON.stringify(art) });
    bytes += Buffer.byteLength(a.text, 'utf8');
  }
}
const tokens = chunks.reduce((n, c) => n + c.text.split(/\s+/).filter(Boolean).length, 0);

// ---- tools: each returns the number of entities it found over the whole pass -----------------
const dossier = require(path.join(here, 'pkg/dossier_node_api.js'));
const wink = winkNLP(winkModel);

const tools = [
  {
    name: 'dossier',
    does: 'extract_json(article) = parse + noise/lang/sentences/tokens + entities + dates + meetings + topics, JSON out, JSON.parse',
    run() {
      let n = 0;
      for (const c of chunks) {
        const x = JSON.parse(dossier.extract_json(c.json));
        if (x.error) throw new Error(x.error);
        n += x.entities.length;
      }
      return n;
    },
  },
  {
    name: 'wink-nlp',
    does: 'nlp.readDoc(text) (default pipeline: sbd, negation, sentiment, pos, ner, cer) + doc.entities().out()',
    run() {
      let n = 0;
      for (const c of chunks) n += wink.readDoc(c.text).entities().out().length;
      return n;
    },
  },
  {
    name: 'compromise',
    does: "nlp(text) + .people() .places() .organizations(), each .out('array')",
    run() {
      let n = 0;
      for (const c of chunks) {
        const doc = nlp(c.text);
        n +=
          doc.people().out('array').length +
          doc.places().out('array').length +
          doc.organizations().out('array').length;
      }
      return n;
    },
  },
].filter((t) => ONLY.length === 0 || t.name === 'dossier' || ONLY.includes(t.name));

// ---- measure: warm-ups per tool, then measured passes round-robin (noise hits all tools alike) --
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const entities = {};
for (const t of tools) for (let i = 0; i < WARMUP; i++) entities[t.name] = t.run();
const times = Object.fromEntries(tools.map((t) => [t.name, []]));
for (let i = 0; i < ITERS; i++) {
  for (const t of tools) {
    const t0 = process.hrtime.bigint();
    entities[t.name] = t.run();
    times[t.name].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}

// ---- report ------------------------------------------------------------------------------------
const MiB = bytes / (1 << 20);
console.log(`node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`input: ${english.length} English dev articles ×${Math.round(chunks.length / english.length)} = ${chunks.length} chunks, ${bytes} bytes (${MiB.toFixed(2)} MiB), ${tokens} whitespace tokens`);
console.log(`passes: ${WARMUP} warm-up + ${ITERS} measured per tool (round-robin), median reported\n`);
const dRate = tokens / (median(times.dossier) / 1000);
const dBest = tokens / (Math.min(...times.dossier) / 1000);
const rows = tools.map((t) => {
  const ms = median(times[t.name]);
  const rate = tokens / (ms / 1000);
  return {
    tool: t.name,
    'tokens/s': Math.round(rate),
    'best tokens/s': Math.round(tokens / (Math.min(...times[t.name]) / 1000)),
    'ms/MiB': +(ms / MiB).toFixed(1),
    'median ms (min–max)': `${ms.toFixed(1)} (${Math.min(...times[t.name]).toFixed(1)}–${Math.max(...times[t.name]).toFixed(1)})`,
    entities: entities[t.name],
    'Dossier ×': +(dRate / rate).toFixed(2),
    'Dossier × (best)': +(dBest / (tokens / (Math.min(...times[t.name]) / 1000))).toFixed(2),
  };
});
const cols = Object.keys(rows[0]);
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells) => '| ' + cells.map((x, i) => String(x).padEnd(width[i])).join(' | ') + ' |';
console.log(line(cols));
console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(cols.map((c) => r[c])));
console.log('\n"Dossier ×" = Dossier tokens/s ÷ the tool\'s tokens/s (> 1: Dossier is faster), from medians; "(best)" from each tool\'s fastest pass.');
for (const t of tools) console.log(`- ${t.name}: ${t.does}`);
