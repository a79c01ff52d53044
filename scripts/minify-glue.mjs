// Trunk post_build hook (Trunk.toml): minifies the JavaScript of a release build in the staging
// folder (the wasm-bindgen glue of both modules, and worker.js), which Trunk's own minifier
// leaves as it is. The rust links carry data-integrity="none" because their SRI hashes are taken
// before this hook runs.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
for (const name of fs.readdirSync(dir)) {
  if (!name.endsWith('.js')) continue;
  const file = path.join(dir, name);
  const code = fs.readFileSync(file, 'utf8');
  const out = await minify(code, { module: true, compress: true, mangle: true });
  if (typeof out.code !== 'string') throw new Error(`terser gave nothing for ${name}`);
  fs.writeFileSync(file, out.code);
}
