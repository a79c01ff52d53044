// Importing your own articles as a person does: paste, pick files, drop files, reload, delete, clear,
// cancel; a full store; and each kind of bad input, which gets a message naming the file and what
// was wrong while everything already loaded stays on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serveDist, launchBrowser, DossierPage, benchFiles } from './support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const BUNDLED_ID = '000_cfe1943a9ee40dbb';
const BUNDLED_TITLE = 'Meta invité à coopérer avec le Vietnam';
const MEETING = 'Le Premier ministre Pham Minh Chinh a reçu Tim Cook, directeur général d’Apple, à Hanoï le 12 mars 2025. '
  + 'Les deux parties ont discuté des semi-conducteurs et de l’intelligence artificielle.';

/** A fresh browser profile (empty IndexedDB) with the Import panel open. */
async function openImport() {
  const context = await browser.newContext();
  const page = new DossierPage(await context.newPage());
  await page.open(server.url);
  await page.page.getByText('Import your articles').click();
  return { page, context, p: page.page };
}

const file = (name, content) => ({
  name, mimeType: 'application/octet-stream',
  buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
});
const messages = (p) => p.locator('.import [role=status] li').allInnerTexts();
const articleTitles = (p) => p.locator('section.articles .article-title').allInnerTexts();
const mine = (p) => p.getByRole('region', { name: /^Your articles/ });

const doneCount = (p) => p.locator('details.import').getAttribute('data-done');

/** Do `act` (which starts an import) and wait until that import is over; returns the messages. */
async function settled(p, act) {
  const before = await doneCount(p);
  await act();
  await p.waitForFunction((b) => document.querySelector('details.import').getAttribute('data-done') !== b, before);
  await p.locator('#import-progress').waitFor({ state: 'hidden' });
  await p.waitForTimeout(100); // the views follow the corpus in the next tasks
  return messages(p);
}

const pick = (p, files) => settled(p, () => p.getByLabel(/Drop files here/).setInputFiles(files));

async function importGood(p) {
  const m = await pick(p, [file('first.jsonl', JSON.stringify({ id: 'mine-1', title: 'My first clipping', text: MEETING, published: '2025-03-13' }) + '\n')]);
  assert.deepEqual(m, ['Articles imported: 1']);
}

/** The bundled article and the earlier import are both still on the page. */
async function nothingLost(p) {
  const titles = await articleTitles(p);
  assert.ok(titles.some((t) => t.startsWith(BUNDLED_TITLE)), titles.join('\n'));
  assert.ok(titles.some((t) => t.startsWith('My first clipping')), titles.join('\n'));
}

test('a pasted article joins the timeline, the filters and the reader, marked as yours', async () => {
  const { page, context, p } = await openImport();
  await p.getByLabel('Title').fill('Apple à Hanoï');
  await p.getByLabel('Published').fill('2025-03-13');
  await p.getByLabel('Source', { exact: true }).fill('Mon journal');
  await p.getByLabel('Article language').selectOption('fr');
  await p.getByLabel('Text', { exact: true }).fill(MEETING);
  const m = await settled(p, () => p.getByRole('button', { name: 'Add this article' }).click());
  assert.deepEqual(m, ['Articles imported: 1']);
  // The form is emptied for the next one.
  assert.equal(await p.getByLabel('Text', { exact: true }).inputValue(), '');
  const item = p.locator('section.articles .article').filter({ hasText: 'Apple à Hanoï' });
  assert.match(await item.innerText(), /yours[\s\S]*Mon journal · 13 March 2025 · French/);
  const cards = await page.meetings();
  assert.ok(cards.some((c) => c.includes('Tim Cook') && c.includes('Hanoi')), cards.join('\n---\n'));
  await page.facetBox('Person', 'Tim Cook').check();
  assert.deepEqual(await page.dates(), ['12 March 2025']);
  await item.getByRole('link').click();
  await p.getByRole('heading', { name: 'Apple à Hanoï' }).waitFor();
  assert.ok(await p.locator('article.reader .badge.mine').isVisible());
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('many files at once through the picker: txt, md, html, json, jsonl', async () => {
  const { page, context, p } = await openImport();
  const m = await pick(p, [
    file('note.txt', MEETING),
    file('memo.md', '# Memo\n\n' + MEETING),
    file('page.html', `<html><head><title>Une page</title></head><body><p>${MEETING}</p></body></html>`),
    file('one.json', JSON.stringify({ id: 'j1', title: 'From JSON', text: MEETING })),
    file('two.jsonl', [1, 2].map((i) => JSON.stringify({ id: `l${i}`, title: `Line ${i}`, text: MEETING })).join('\n')),
  ]);
  assert.deepEqual(m, ['Articles imported: 6']);
  assert.match(await mine(p).getByRole('heading').innerText(), /Your articles \(6\)/);
  const titles = await articleTitles(p);
  for (const t of ['From JSON', 'Line 1', 'Line 2', 'Une page']) assert.ok(titles.some((x) => x.startsWith(t)), `${t} in ${titles}`);
  assert.equal(await p.locator('section.articles .badge.mine').count(), 6);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('files dropped on the drop zone are imported', async () => {
  const { page, context, p } = await openImport();
  const dt = await p.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([JSON.stringify({ id: 'dropped', title: 'Dropped clipping', text })], 'drop.json', { type: 'application/json' }));
    return d;
  }, MEETING);
  await p.locator('#drop').dispatchEvent('dragover', { dataTransfer: dt });
  const m = await settled(p, () => p.locator('#drop').dispatchEvent('drop', { dataTransfer: dt }));
  assert.deepEqual(m, ['Articles imported: 1']);
  assert.ok((await articleTitles(p)).some((t) => t.startsWith('Dropped clipping')));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('imported articles survive a reload; delete one, then clear all after confirming', async () => {
  const { page, context, p } = await openImport();
  await pick(p, [file('two.jsonl', ['Keep me', 'Delete me', 'Third'].map((t, i) => JSON.stringify({ id: `k${i}`, title: t, text: MEETING })).join('\n'))]);
  await p.reload();
  await p.locator('section.articles .badge.mine').nth(2).waitFor();
  await p.getByText('Import your articles').click();
  assert.match(await mine(p).getByRole('heading').innerText(), /\(3\)/);
  await mine(p).getByRole('button', { name: 'Delete Delete me' }).click();
  await p.getByText('Articles deleted: 1').waitFor();
  assert.ok(!(await articleTitles(p)).some((t) => t.startsWith('Delete me')));
  await p.reload();
  await p.locator('section.articles .badge.mine').nth(1).waitFor();
  assert.equal(await p.locator('section.articles .badge.mine').count(), 2);
  await p.getByText('Import your articles').click();
  // Dismissing the confirmation keeps everything; accepting deletes all of yours, not the bundled ones.
  p.once('dialog', (d) => d.dismiss());
  await p.getByRole('button', { name: 'Delete all your articles' }).click();
  await p.waitForTimeout(300);
  assert.equal(await p.locator('section.articles .badge.mine').count(), 2);
  p.once('dialog', (d) => { assert.match(d.message(), /cannot be undone/); d.accept(); });
  await p.getByRole('button', { name: 'Delete all your articles' }).click();
  await p.getByText('Articles deleted: 2').waitFor();
  assert.equal(await p.locator('section.articles .badge.mine').count(), 0);
  assert.ok((await articleTitles(p)).some((t) => t.startsWith(BUNDLED_TITLE)));
  await p.reload();
  await page.main.locator('section.articles').waitFor();
  await p.waitForTimeout(500);
  assert.equal(await p.locator('section.articles .badge.mine').count(), 0);
  await context.close();
});

test('an import leaves what you are doing as it was: typed text, focus, a selection in the reader', async () => {
  const { context, p } = await openImport();
  const three = (tag) => file(`${tag}.jsonl`, [1, 2, 3].map((i) => JSON.stringify({
    id: `${tag}-${i}`, title: `Clipping ${tag} ${i}`, text: MEETING, published: `2025-03-1${i}`,
  })).join('\n'));
  // Half a pasted article, and the focus on a facet's checkbox.
  await p.getByLabel('Title').fill('Half-typed title');
  await p.getByLabel('Text', { exact: true }).fill('an unfinished note');
  const box = p.locator('.facet input[type=checkbox]').first();
  const label = async () => p.evaluate(() => document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent);
  await box.focus();
  const focused = await label();
  assert.ok(focused, 'a facet checkbox has the focus');
  await pick(p, [three('a')]);
  assert.equal((await articleTitles(p)).filter((t) => t.startsWith('Clipping a')).length, 3);
  assert.equal(await p.getByLabel('Title').inputValue(), 'Half-typed title');
  assert.equal(await p.getByLabel('Text', { exact: true }).inputValue(), 'an unfinished note');
  assert.equal(await label(), focused);
  // Reading an article with some of its text selected: more articles come in, the reader stays.
  await p.locator('section.articles a', { hasText: BUNDLED_TITLE }).click();
  await p.locator('.reader .text p').first().waitFor();
  const selected = await p.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('.reader .text p'));
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return getSelection().toString();
  });
  assert.ok(selected.length > 20);
  await pick(p, [three('b')]);
  assert.match(await mine(p).getByRole('heading').innerText(), /\(6\)/);
  assert.equal(await p.evaluate(() => getSelection().toString()), selected);
  await context.close();
});

test('a long topic lists its first 20 sentences and says how many more the filters would show', async () => {
  const { context, p } = await openImport();
  const many = file('many.jsonl', Array.from({ length: 30 }, (_, i) => JSON.stringify({
    id: `chip-${i}`, title: `Chip plant ${i}`, published: `2025-04-${String(i % 28 + 1).padStart(2, '0')}`,
    text: `Le ministre a visité l’usine de semi-conducteurs numéro ${i} à Hanoï. Les puces y sont testées.`,
  })).join('\n'));
  assert.deepEqual(await pick(p, [many]), ['Articles imported: 30']);
  await p.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Topics' }).click();
  const topic = p.locator('section.topic').filter({ has: p.locator('h3', { hasText: /^Semiconductors/ }) });
  const heading = await topic.locator('h3').innerText();
  const total = Number(heading.match(/\((\d+) sentences\)/)[1]);
  assert.ok(total >= 30, heading);
  const items = await topic.locator('ul.sentences > li').allInnerTexts();
  assert.equal(items.length, 21, items.join('\n'));
  assert.equal(items[20], `… ${total - 20} not shown: narrow with the filters`);
  await context.close();
});

test('the entity index of a large corpus lists its 300 most named entities and how many it leaves out', async () => {
  const { context, p } = await openImport();
  // Generated articles (the dev corpus with its names swapped): hundreds of distinct names.
  assert.deepEqual(await pick(p, benchFiles(200, 'index')), ['Articles imported: 200']);
  await p.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'People & organisations' }).click();
  const index = p.locator('section.entities');
  // The first rows come at once, the others in the next tasks.
  await p.waitForFunction(() => document.querySelectorAll('section.entities tbody tr').length === 300);
  const left = await index.locator('p.not-shown').innerText();
  assert.match(left, /^… \d+ not shown: narrow with the filters$/);
  const rows = await index.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(new Set(rows.map((r) => `${r[1]} ${r[0]}`)).size, 300, 'each entity once');
  // Most meetings first, then most articles.
  const counts = rows.map((r) => [Number(r[5]), Number(r[4])]);
  for (let i = 1; i < counts.length; i++) {
    const [a, b] = [counts[i - 1], counts[i]];
    assert.ok(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `row ${i}: ${rows[i - 1]} before ${rows[i]}`);
  }
  await context.close();
});

test('cancel stops the worker and keeps nothing of that import', async () => {
  const { page, context, p } = await openImport();
  await importGood(p);
  const lines = [];
  for (let i = 0; i < 3000; i++) lines.push(JSON.stringify({ id: `big-${i}`, title: `Bulk ${i}`, text: MEETING }));
  await p.getByLabel(/Drop files here/).setInputFiles([file('bulk.jsonl', lines.join('\n'))]);
  const bar = p.getByRole('progressbar', { name: 'Import progress' });
  await bar.waitFor();
  await p.waitForFunction(() => Number(document.querySelector('#import-progress')?.getAttribute('value')) > 0);
  await p.getByRole('button', { name: 'Cancel' }).click();
  await p.getByText('Import cancelled: nothing was added.').waitFor();
  await p.waitForTimeout(800);
  assert.ok(!(await articleTitles(p)).some((t) => t.startsWith('Bulk')));
  await nothingLost(p);
  // A new worker takes the next import.
  await pick(p, [file('after.json', JSON.stringify({ id: 'after', title: 'After cancel', text: MEETING }))]);
  await p.reload();
  await p.locator('section.articles .badge.mine').nth(1).waitFor();
  await p.waitForTimeout(800);
  const titles = await articleTitles(p);
  assert.ok(!titles.some((t) => t.startsWith('Bulk')), 'nothing of the cancelled import was stored');
  assert.equal(await p.locator('section.articles .badge.mine').count(), 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a full store is reported and leaves everything as it was', async () => {
  const { page, context, p } = await openImport();
  // A quota of 200 KB for this origin (set before the first write, as Chromium applies it then):
  // a small import fits, a 500 KB one does not.
  const cdp = await context.newCDPSession(p);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: 200_000 });
  await importGood(p);
  const big = 'x'.repeat(500_000) + ' ' + MEETING;
  const m = await pick(p, [file('huge.json', JSON.stringify({ id: 'too-much', title: 'Too much', text: big }))]);
  assert.equal(m.length, 1);
  assert.match(m[0], /^Could not save, nothing was changed: QuotaExceededError/);
  assert.ok(!(await articleTitles(p)).some((t) => t.startsWith('Too much')));
  await nothingLost(p);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin });
  await p.reload();
  await p.locator('section.articles .badge.mine').first().waitFor();
  await nothingLost(p);
  assert.ok(!(await articleTitles(p)).some((t) => t.startsWith('Too much')));
  await context.close();
});

// Each bad input: the message names the file and the problem; earlier articles are all still shown.
const BAD = [
  ['invalid UTF-8', file('latin1.txt', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f])), 'latin1.txt: invalid UTF-8 at byte 1'],
  ['broken JSON', file('broken.json', '{\n  "text": "a",\n  "title" "b"\n}'), /^broken\.json: broken JSON at line 3, column \d+/],
  ['a record without text', file('notext.jsonl', '{"text":"ok"}\n{"title":"no text"}\n'), 'notext.jsonl: line 2: `text` is missing'],
  ['an empty file', file('empty.txt', ''), 'empty.txt: the file is empty'],
  ['a binary file', file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), 'photo.txt: the file is binary, not text'],
  ['a file over the size limit', file('big.txt', Buffer.alloc(6 * 1024 * 1024, 0x61)), /^big\.txt: the file is too large \(6\.0 MB; the limit is 5\.0 MB\)/],
  ['an id already bundled', file('dup.json', JSON.stringify({ id: BUNDLED_ID, text: MEETING })), `dup.json: already loaded: article id \`${BUNDLED_ID}\``],
  ['an id already imported', file('again.json', JSON.stringify({ id: 'mine-1', text: MEETING })), 'again.json: already loaded: article id `mine-1`'],
  ['an unsupported extension', file('report.pdf', '%PDF-1.4'), /^report\.pdf: unsupported file type `\.pdf`/],
];
for (const [what, f, want] of BAD) {
  test(`bad input: ${what} gets a clear message and loses nothing`, async () => {
    const { page, context, p } = await openImport();
    await importGood(p);
    const m = await pick(p, [f]);
    assert.equal(m.length, 1, m.join('\n'));
    if (typeof want === 'string') assert.equal(m[0], want); else assert.match(m[0], want);
    assert.ok(await p.locator('.import .messages li.bad').isVisible());
    await nothingLost(p);
    assert.match(await mine(p).getByRole('heading').innerText(), /\(1\)/);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('the limit is said in the panel', async () => {
  const { context, p } = await openImport();
  assert.match(await p.locator('.import .hint').innerText(), /up to 5\.0 MB a file/);
  await context.close();
});

test('bad input: HTML with script, iframe and onerror payloads is imported as text only', async () => {
  const { page, context, p } = await openImport();
  await importGood(p);
  await p.evaluate(() => { window.__pwned = 0; });
  const html = `<html><head><title>Hostile page</title><script>window.__pwned = 1; parent.__pwned = 1;</script></head>
<body><iframe src="javascript:parent.__pwned=2"></iframe><img src=x onerror="window.__pwned=3; parent.__pwned=3">
<p>${MEETING}</p><p>&lt;script&gt;alert(1)&lt;/script&gt; shown as text.</p><svg onload="parent.__pwned=4"></svg></body></html>`;
  const m = await pick(p, [file('hostile.html', html)]);
  assert.deepEqual(m, ['Articles imported: 1']);
  await nothingLost(p);
  await p.locator('section.articles .article').filter({ hasText: 'Hostile page' }).getByRole('link').click();
  const text = await p.locator('article.reader .text').innerText();
  // Markup in the text stays text (the core turns `<` into `‹`, so it can never become a tag).
  assert.ok(text.includes('Tim Cook') && /.script>alert\(1\).\/script> shown as text\./.test(text), text);
  assert.ok(!text.includes('__pwned'), text);
  assert.equal(await p.evaluate(() => window.__pwned), 0, 'no script ran');
  assert.equal(await p.locator('iframe').count(), 0);
  assert.equal(await p.locator('main img, main svg[onload]').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the open panel is labelled, keyboard usable and axe finds nothing serious', async () => {
  const context = await browser.newContext();
  const page = new DossierPage(await context.newPage());
  await page.open(server.url);
  const p = page.page;
  const summary = p.locator('details.import summary');
  await summary.focus();
  await p.keyboard.press('Enter');
  assert.equal(await p.locator('details.import').getAttribute('open'), '');
  await p.getByLabel('Title').focus();
  await p.keyboard.type('Typed');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'p-date');
  await importGood(p);
  const results = await new AxeBuilder({ page: p }).include('details.import').analyze();
  const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  await context.close();
});
