// Shared by the bundle spec and the benchmark: runs the native `dossier` command line (built by
// cargo if needed) and makes a copy of dist/ whose bundle/ folder holds a precomputed corpus.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(process.env.DOSSIER_DIST || 'dist');

/** Run `dossier ARGS...` (release build); returns its standard error (the summary line). */
export function dossier(args) {
  return execFileSync('cargo', ['run', '--release', '-q', '--bin', 'dossier', '--', ...args], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28,
  });
}

/** Copy dist/ to `dir` and bundle `inputs` into its bundle/ folder (`shardSize` articles a shard). */
export function siteWithBundle(dir, inputs, shardSize = 250) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(DIST, dir, { recursive: true });
  dossier(['bundle', path.join(dir, 'bundle'), ...inputs, '--shard-size', String(shardSize)]);
  return dir;
}

/** The articles of a shard file, in order. */
export function shardArticles(dir, file) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'bundle', file), 'utf8')).articles;
}
