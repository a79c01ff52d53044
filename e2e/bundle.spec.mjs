// A precomputed corpus in the page: a copy of the build with `dossier bundle` output in bundle/
// shows exactly those articles instead of the seeds; a broken shard or index is named on the page
// and whatever did load stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser, DossierPage } from './support.mjs';
import { dossier, siteWithBundle, shardArticles } from './cli.mjs';

const FIXTURES = ['b01', 'b02', 'b04', 'b05', 'b07'].map((n) => path.resolve(`tests/fixtures/blind/${n}.json`));
const SEED_TITLE = 'Meta invité à coopérer avec le Vietnam sur des projets scientifiques et technologiques';
let tmp, browser;
before(async () => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bundle-')); browser = await launchBrowser(); });
after(async () => { await browser?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

/** Serve `dir`, open the page and wait until the corpus has loaded (`data-corpus` says which). */
async function openSite(dir, corpus) {
  const server = await serveDist(dir);
  const context = await browser.newContext();
  const page = new DossierPage(await context.newPage());
  await page.page.goto(server.url);
  await page.page.locator(`[data-corpus=${corpus}] main#main > *`).first().waitFor();
  const close = async () => { await context.close(); await server.close(); };
  return { page, close };
}

const titles = (page) => page.page.getByRole('region', { name: 'Articles' }).locator('.article-title').allInnerTexts();
const sorted = (xs) => [...xs].sort();

test('the page shows the bundled articles, not the seeds, with their meetings', async () => {
  const dir = siteWithBundle(path.join(tmp, 'ok'), FIXTURES, 2);
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'bundle/corpus-index.json'), 'utf8'));
  assert.equal(index.shards.length, 3);
  const want = index.shards.flatMap((s) => shardArticles(dir, s.file)).map((a) => a.title);
  assert.equal(want.length, FIXTURES.length);
  const { page, close } = await openSite(dir, 'bundle');
  assert.deepEqual(sorted(await titles(page)), sorted(want));
  assert.ok(!(await page.page.locator('body').innerText()).includes(SEED_TITLE));
  const cards = await page.meetings();
  assert.ok(cards.length > 0);
  const sources = await page.timeline.getByRole('list', { name: 'Sources' }).getByRole('link').allInnerTexts();
  assert.ok(sources.every((s) => want.includes(s)), sources.join('\n'));
  assert.equal(await page.page.locator('.loading').isHidden(), true);
  assert.deepEqual(page.errors, []);
  await close();
});

test('a damaged shard is named on the page and the other shards still show', async () => {
  const dir = siteWithBundle(path.join(tmp, 'bad-shard'), FIXTURES, 2);
  const kept = [...shardArticles(dir, 'shard-0000.json'), ...shardArticles(dir, 'shard-0002.json')].map((a) => a.title);
  const lost = shardArticles(dir, 'shard-0001.json').map((a) => a.title);
  fs.writeFileSync(path.join(dir, 'bundle/shard-0001.json'), '{"articles": [');
  const { page, close } = await openSite(dir, 'bundle');
  const alert = await page.page.getByRole('alert').innerText();
  assert.match(alert, /shard-0001\.json/);
  assert.match(alert, /differs from the index/);
  assert.deepEqual(sorted(await titles(page)), sorted(kept));
  for (const t of lost) assert.ok(!(await titles(page)).includes(t), t);
  await close();
});

test('a broken index is named and the seeds stay', async () => {
  const dir = siteWithBundle(path.join(tmp, 'bad-index'), FIXTURES.slice(0, 1));
  fs.writeFileSync(path.join(dir, 'bundle/corpus-index.json'), '{"format": "dossier-bundle/1", "shards": 7}');
  const { page, close } = await openSite(dir, 'seeds');
  await page.page.getByRole('alert').waitFor();
  assert.match(await page.page.getByRole('alert').innerText(), /corpus-index\.json: corpus index:/);
  assert.ok((await titles(page)).includes(SEED_TITLE));
  await close();
});

test('a long article list shows 200 at a time, then "Show more" adds the rest', async () => {
  const jsonl = path.join(tmp, 'gen-250.jsonl');
  dossier(['gen-corpus', '250', jsonl, path.resolve('tests/fixtures/blind')]);
  const dir = siteWithBundle(path.join(tmp, 'long'), [jsonl]);
  const { page, close } = await openSite(dir, 'bundle');
  const region = page.page.getByRole('region', { name: 'Articles' });
  assert.equal((await titles(page)).length, 200);
  await region.getByRole('button', { name: 'Show more (200 / 250)' }).click();
  assert.equal((await titles(page)).length, 250);
  assert.equal(await region.getByRole('button').count(), 0);
  assert.deepEqual(page.errors, []);
  await close();
});
