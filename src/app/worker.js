// Dossier's import worker (a module worker). On the first import it loads the tools wasm
// (src/tools.rs, built by Trunk next to this file as dossier-tools.js + dossier-tools_bg.wasm; the
// page's own wasm carries none of that code) to read and extract imported files off the main thread, and it alone keeps the imported articles in IndexedDB, one transaction
// per change, so a failure leaves the stored state as it was. Messages are arrays: [op, ...].
let w;
const STORE = 'articles';
const open = () => new Promise((ok, ko) => {
  const r = indexedDB.open('dossier', 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
  r.onsuccess = () => ok(r.result);
  r.onerror = () => ko(r.error);
});
// Run `f` on the store in one transaction; resolves when it is committed.
const tx = async (mode, f) => {
  const db = await open();
  return new Promise((ok, ko) => {
    const t = db.transaction(STORE, mode);
    const out = f(t.objectStore(STORE));
    t.oncomplete = () => { db.close(); ok(out && out.result); };
    t.onabort = () => { db.close(); ko(t.error || new Error('the transaction was aborted')); };
  });
};
// The tools module, loaded on first use (its URL is next to this file's).
const tools = async () => {
  if (!w) {
    const m = await import(new URL('dossier-tools.js', import.meta.url).href);
    await m.default({ module_or_path: new URL('dossier-tools_bg.wasm', import.meta.url) });
    w = m;
  }
  return w;
};
// A file of the page's precomputed bundle as bytes, or null (missing, not reachable, refused).
const get = async (rel) => {
  try {
    const r = await fetch(new URL('bundle/' + rel, import.meta.url));
    return r.ok ? new Uint8Array(await r.arrayBuffer()) : null;
  } catch (e) {
    return null;
  }
};
const say = (e) => (e && e.name ? e.name + ': ' : '') + ((e && e.message) || String(e));

onmessage = async ({ data: [op, a, b, c, d] }) => {
  try {
    if (op === 'load') {
      const all = await tx('readonly', (s) => s.getAll());
      for (let i = 0; i < all.length; i += 100) postMessage(['loaded', JSON.stringify(all.slice(i, i + 100))]);
    } else if (op === 'import') { // a: files, b: pasted JSON, c: known ids
      await tools();
      w.intake_begin(c);
      for (const f of a) {
        const bad = w.intake_check(f.name, f.size) || w.intake_file(f.name, new Uint8Array(await f.arrayBuffer()));
        if (bad) postMessage(['problem', bad]);
      }
      if (b) { const bad = w.intake_file('pasted text.json', new TextEncoder().encode(b)); if (bad) postMessage(['problem', bad]); }
      const total = w.intake_pending(), recs = [];
      for (let j; (j = w.intake_next());) {
        for (const r of JSON.parse(j)) recs.push({ id: r.a.id, a: r.a, x: r.x });
        postMessage(['batch', j, recs.length, total]);
      }
      op = 'save';
      if (recs.length) await tx('readwrite', (s) => { for (const r of recs) s.put(r); });
      postMessage(['saved', recs.length]);
    } else if (op === 'export') { // a: kind, b: the page's article ids in order, c: shown, d: entries
      await tools();
      w.export_begin();
      const index = await get('corpus-index.json');
      const files = index ? w.export_index(index) : '';
      for (const f of files.split('\0').filter(Boolean)) {
        const bytes = await get(f);
        if (bytes) w.export_shard(f, bytes);
      }
      w.export_stored(JSON.stringify(await tx('readonly', (s) => s.getAll())));
      const out = w.export_file(a, b, c, d);
      const i = out.indexOf('\0'), j = out.indexOf('\0', i + 1);
      const name = out.slice(0, i), text = out.slice(j + 1);
      if (name) postMessage(['file', name, out.slice(i + 1, j), text]);
      else postMessage(['failed', 'export', text]);
    } else if (op === 'delete') { // a: ids; b: quiet
      await tx('readwrite', (s) => { for (const id of a) s.delete(id); });
      postMessage(['deleted', a, b]);
    } else if (op === 'clear') {
      await tx('readwrite', (s) => s.clear());
      postMessage(['cleared']);
    }
  } catch (e) {
    postMessage(['failed', op, say(e)]);
  }
};
