// The explorer as a person uses it: filters (date range, search with and without diacritics, clear),
// the article reader with the evidence marked, deep links, back/forward, keyboard-only use, themes,
// the interface language, the topic heatmap and entity index, and axe on every view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serveDist, launchBrowser, DossierPage } from './support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openPage(query = '', options = {}) {
  const context = await browser.newContext(options);
  const page = new DossierPage(await context.newPage());
  await page.open(server.url, query);
  return { page, context };
}

async function articleTitles(page) {
  return page.page.getByRole('region', { name: 'Articles' }).locator('.article-title').allInnerTexts();
}

test('a date range narrows the timeline and the articles; clear-all restores them', async () => {
  const { page, context } = await openPage();
  const all = await page.dates();
  assert.ok(all.length >= 2, all.join(', '));
  await page.from.fill('2024-01-01');
  await page.from.dispatchEvent('change');
  assert.deepEqual(await page.dates(), ['30 September 2024']);
  assert.equal(await page.page.getByRole('status').innerText(), '1 meeting');
  assert.match(page.query(), /from=2024-01-01/);
  assert.equal((await articleTitles(page)).length, 1);
  await page.to.fill('2024-06-30');
  await page.to.dispatchEvent('change');
  assert.deepEqual(await page.dates(), []);
  assert.ok((await page.timeline.innerText()).includes('Nothing matches the filters.'));
  await page.filters.getByRole('button', { name: 'Clear all filters' }).click();
  assert.deepEqual(await page.dates(), all);
  assert.equal(page.query(), '');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('search ignores case and diacritics: "to lam" and "Tô Lâm" find the same article', async () => {
  for (const q of ['to lam', 'Tô Lâm', 'TO LÂM']) {
    const { page, context } = await openPage();
    await page.searchFor(q);
    const titles = await articleTitles(page);
    assert.deepEqual(titles, ['Meta invité à coopérer avec le Vietnam sur des projets scientifiques et technologiques'], q);
    assert.deepEqual(await page.dates(), ['30 September 2024'], q);
    await context.close();
  }
  const { page, context } = await openPage('?q=zzzz+nowhere');
  assert.equal(await page.search.inputValue(), 'zzzz nowhere');
  assert.deepEqual(await articleTitles(page), []);
  await context.close();
});

test('a meeting source opens the article with its evidence sentence marked and in view', async () => {
  const { page, context } = await openPage();
  const source = page.timeline.locator('.meeting').first().getByRole('list', { name: 'Sources' }).getByRole('link').first();
  await source.click();
  assert.match(page.query(), /view=article/);
  assert.match(page.query(), /article=/);
  assert.match(page.query(), /ev=\d+-\d+/);
  const evidence = page.main.locator('mark.evidence');
  await evidence.waitFor();
  assert.ok((await evidence.innerText()).length > 20);
  assert.ok(await evidence.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  }), 'the evidence is scrolled into view');
  assert.ok(await page.main.locator('mark.ent').count() > 3, 'entities are highlighted');
  const original = page.main.getByRole('link', { name: /^https:/ });
  assert.equal(await original.getAttribute('rel'), 'noopener noreferrer');
  // The text is text: no markup came from the article.
  assert.equal(await page.main.locator('.text script, .text img').count(), 0);
  await page.main.getByRole('link', { name: 'Back to the timeline' }).click();
  await page.timeline.waitFor();
  await context.close();
});

test('deep links restore the view, the filter and the navigation state', async () => {
  const cases = [
    ['?view=topics&topic=ai', 'Topics'],
    ['?view=entities&company=Meta', 'People & organisations'],
    ['?view=network', 'Who met whom'],
  ];
  for (const [query, heading] of cases) {
    const { page, context } = await openPage(query);
    await page.main.getByRole('heading', { level: 2, name: heading }).waitFor();
    const current = page.views.locator('li[aria-current="page"]');
    assert.equal(await current.innerText(), heading, query);
    const params = (q) => [...new URLSearchParams(q)].sort().join('&');
    assert.equal(params(page.query()), params(query));
    await context.close();
  }
  const { page, context } = await openPage('?view=topics&topic=ai');
  assert.equal(await page.facetBox('Topic', 'AI').isChecked(), true);
  await context.close();
});

test('back and forward move between views and filters', async () => {
  const { page, context } = await openPage();
  await page.goTo('Topics');
  await page.main.getByRole('heading', { level: 2, name: 'Topics' }).waitFor();
  await page.chooseCompany('Nvidia');
  await page.goTo('Who met whom');
  await page.main.getByRole('heading', { level: 2, name: 'Who met whom' }).waitFor();
  await page.page.goBack();
  await page.main.getByRole('heading', { level: 2, name: 'Topics' }).waitFor();
  assert.match(page.query(), /company=Nvidia/);
  await page.page.goBack();
  assert.equal(await page.facetBox('Company', 'Nvidia').isChecked(), false);
  await page.page.goBack();
  await page.timeline.waitFor();
  assert.equal(page.query(), '');
  await page.page.goForward();
  await page.main.getByRole('heading', { level: 2, name: 'Topics' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('keyboard only: skip link, search, then open a source, with a visible focus', async () => {
  const { page, context } = await openPage();
  const p = page.page;
  const active = () => p.evaluate(() => {
    const e = document.activeElement;
    return { id: e.id, tag: e.tagName, text: e.textContent, outline: getComputedStyle(e).outlineStyle };
  });
  await p.keyboard.press('Tab');
  let a = await active();
  assert.equal(a.text, 'Skip to content');
  assert.notEqual(a.outline, 'none');
  for (let i = 0; i < 30 && (await active()).id !== 'q'; i++) await p.keyboard.press('Tab');
  assert.equal((await active()).id, 'q');
  await p.keyboard.type('to lam');
  await p.keyboard.press('Enter');
  assert.deepEqual(await page.dates(), ['30 September 2024']);
  // On through the filters to the first source link of the timeline.
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await p.keyboard.press('Tab');
    found = await p.evaluate(() => !!document.activeElement.closest('.sources'));
  }
  assert.ok(found, 'a source link is reachable by Tab');
  a = await active();
  assert.notEqual(a.outline, 'none', 'the focus is visible');
  await p.keyboard.press('Enter');
  await page.main.locator('mark.evidence').waitFor();
  // The focus moved to the redrawn main area; the next Tab reaches its first link.
  assert.equal((await active()).id, 'main');
  await p.keyboard.press('Tab');
  assert.equal((await active()).text, 'Back to the timeline');
  await context.close();
});

test('themes follow the system: dark and light backgrounds differ', async () => {
  const bg = async (colorScheme) => {
    const { page, context } = await openPage('', { colorScheme });
    const color = await page.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await context.close();
    return color;
  };
  assert.equal(await bg('dark'), 'rgb(21, 23, 27)');
  assert.equal(await bg('light'), 'rgb(251, 250, 247)');
});

test('the interface language follows the browser and the switch', async () => {
  const { page, context } = await openPage('', { locale: 'vi-VN' });
  await page.main.getByRole('heading', { level: 2, name: 'Dòng thời gian' }).waitFor();
  assert.equal(await page.page.getAttribute('html', 'lang'), 'vi');
  const uiSwitch = page.page.getByLabel('Ngôn ngữ giao diện');
  await uiSwitch.focus();
  await uiSwitch.selectOption('fr');
  await page.main.getByRole('heading', { level: 2, name: 'Chronologie' }).waitFor();
  assert.match(page.query(), /ui=fr/);
  assert.equal(await page.page.getAttribute('html', 'lang'), 'fr');
  assert.ok((await page.main.innerText()).includes('30 septembre 2024'));
  // The switch keeps the focus after the page is drawn again.
  assert.equal(await page.page.evaluate(() => document.activeElement.id), 'ui-lang');
  await context.close();
  const en = await openPage('?ui=en', { locale: 'id-ID' });
  await en.page.timeline.waitFor();
  await en.context.close();
});

test('a heatmap cell and an index entry set the filter', async () => {
  const { page, context } = await openPage('?view=topics');
  const cell = page.main.locator('table.heatmap button').first();
  const name = await cell.getAttribute('aria-label');
  assert.match(name, /^.+, .+: \d+$/);
  await cell.click();
  assert.match(page.query(), /company=[^&]+&topic=[a-z_]+/);
  await context.close();
  const idx = await openPage('?view=entities');
  const first = idx.page.main.locator('tbody th button').first();
  const who = await first.innerText();
  await first.click();
  await idx.page.timeline.waitFor();
  const cards = await idx.page.meetings();
  assert.ok(cards.length >= 1 && cards.every((c) => c.includes(who)), `${who}: ${cards.join('\n---\n')}`);
  await idx.context.close();
});

test('axe finds no violation in any view, light or dark', async () => {
  const { page, context } = await openPage();
  const href = await page.timeline.locator('.sources a').first().getAttribute('href');
  await context.close();
  for (const colorScheme of ['light', 'dark']) {
    for (const query of ['', '?view=topics', '?view=entities', '?view=network', href]) {
      const { page, context } = await openPage(query, { colorScheme });
      const results = await new AxeBuilder({ page: page.page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`), [], `${colorScheme} ${query}`);
      await context.close();
    }
  }
});

test('a phone-sized screen has no horizontal scrolling', async () => {
  for (const query of ['', '?view=topics', '?view=entities', '?view=network']) {
    const { page, context } = await openPage(query, { viewport: { width: 360, height: 740 } });
    const wide = await page.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `${query}: ${wide}px wide`);
    await context.close();
  }
});
