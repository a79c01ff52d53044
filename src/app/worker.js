// Dossier's tools worker (a module worker), made on the first export. It loads the tools wasm
// (src/tools.rs, built by Trunk next to this file as dossier-tools.js + dossier-tools_bg.wasm; the
// page's own wasm carries none of that code) and writes the export of what the page shows, off the
// main thread. Messages are arrays: [op, ...].
let w;
// The tools module, loaded on first use (its URL is next to this file's).
const tools = async () => {
  if (!w) {
    const m = await import(new URL('dossier-tools.js', import.meta.url).href);
    await m.default({ module_or_path: new URL('dossier-tools_bg.wasm', import.meta.url) });
    w = m;
  }
  return w;
};
const say = (e) => (e && e.name ? e.name + ': ' : '') + ((e && e.message) || String(e));

onmessage = async ({ data: [op, a, b, c, d] }) => {
  try {
    if (op === 'export') { // a: kind, b: the page's article ids in order, c: shown, d: entries
      await tools();
      const out = w.export_file(a, b, c, d);
      const i = out.indexOf('\0'), j = out.indexOf('\0', i + 1);
      const name = out.slice(0, i), text = out.slice(j + 1);
      if (name) postMessage(['file', name, out.slice(i + 1, j), text]);
      else postMessage(['failed', 'export', text]);
    }
  } catch (e) {
    postMessage(['failed', op, say(e)]);
  }
};
