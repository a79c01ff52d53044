// Export of what the filters show: with Company = Nvidia, each export (JSON, meetings CSV, entities
// CSV, iCalendar) downloads a dossier-* file whose contents are the meetings and articles on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launchBrowser, DossierPage } from './support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Click the export button `name` and return [file name, text] of the download. */
async function exportFile(page, name) {
  const button = page.page.getByRole('group', { name: 'Export' }).getByRole('button', { name });
  const [download] = await Promise.all([page.page.waitForEvent('download'), button.click()]);
  return [download.suggestedFilename(), fs.readFileSync(await download.path(), 'utf8')];
}

/** CSV (RFC 4180) rows: quoted fields may hold commas, quotes and line breaks. */
function csvRows(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\n') { rows.at(-1).push(field.replace(/\r$/, '')); field = ''; rows.push([]); }
    else field += c;
  }
  if (field) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 0);
}

test('each export holds exactly what the filtered page shows', async () => {
  const context = await browser.newContext();
  const page = new DossierPage(await context.newPage());
  await page.open(server.url);
  const allIds = await articleIds(page);
  await page.chooseCompany('Nvidia');
  const shownDates = await page.timeline.locator('.meeting .where time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  const ids = await articleIds(page);
  assert.ok(shownDates.length >= 1 && ids.length >= 1);
  assert.ok(ids.length < allIds.length, 'the filter hides an article');
  const hidden = allIds.filter((id) => !ids.includes(id));

  const [jsonName, json] = await exportFile(page, 'JSON');
  assert.match(jsonName, /^dossier.*\.json$/);
  const out = JSON.parse(json);
  assert.deepEqual(out.articles.map((a) => a.id), ids);
  for (const a of out.articles) assert.ok(Array.isArray(a.entities) && Array.isArray(a.events) && a.lang, a.id);

  const [meetName, meetCsv] = await exportFile(page, 'CSV (meetings)');
  assert.match(meetName, /^dossier-.*\.csv$/);
  const rows = csvRows(meetCsv);
  assert.deepEqual(rows[0], ['date', 'status', 'place', 'participants', 'article_ids', 'evidence']);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), shownDates);
  for (const r of rows.slice(1)) {
    assert.ok(r[3].length > 0, 'participants');
    for (const id of r[4].split('; ')) assert.ok(!hidden.includes(id), `filtered-out article ${id}`);
  }
  const cards = await page.meetings();
  assert.ok(rows.slice(1).every((r, i) => r[3].split('; ').every((p) => cards[i].includes(p))), meetCsv);

  const [entName, entCsv] = await exportFile(page, 'CSV (entities)');
  assert.match(entName, /^dossier-.*\.csv$/);
  const ents = csvRows(entCsv);
  assert.deepEqual(ents[0].slice(0, 2), ['kind', 'name']);
  assert.ok(ents.some((r) => r[0] === 'org' && r[1] === 'Nvidia'), entCsv);

  const [icsName, ics] = await exportFile(page, 'iCalendar (.ics)');
  assert.match(icsName, /^dossier-.*\.ics$/);
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  const starts = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((m) => m[1]);
  assert.deepEqual(starts, shownDates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).map((d) => d.replaceAll('-', '')));
  assert.ok(ics.includes('Nvidia'));
  for (const id of hidden) assert.ok(!ics.includes(`- ${id} [`), `filtered-out article ${id} in the calendar`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The ids of the articles in the Articles list (from their links' `article` parameter). */
async function articleIds(page) {
  const hrefs = await page.page.getByRole('region', { name: 'Articles' }).locator('.article-title a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return hrefs.map((h) => new URLSearchParams(h.slice(h.indexOf('?'))).get('article'));
}
