// The seed page as a person uses it: both meetings on the timeline, the Company control narrows them,
// the console stays clean and axe finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serveDist, launchBrowser, DossierPage } from './support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openPage(query = '') {
  const context = await browser.newContext();
  const page = new DossierPage(await context.newPage());
  await page.open(server.url, query);
  return { page, context };
}

test('the timeline shows both seed meetings with date, place and participants', async () => {
  const { page, context } = await openPage();
  assert.deepEqual(await page.dates(), ['18 September 2023', '30 September 2024']);
  const text = await page.timeline.innerText();
  for (const expected of ['Silicon Valley', 'Pham Minh Chinh', 'Joel Kaplan', 'Meta', 'Jensen Huang', 'Nvidia', 'Hanoi', 'Nick Clegg']) {
    assert.ok(text.includes(expected), `timeline shows ${expected}:\n${text}`);
  }
  const cards = await page.meetings();
  const clegg = cards.find((c) => c.includes('Nick Clegg'));
  assert.ok(clegg && clegg.includes('Hanoi') && clegg.includes('Pham Minh Chinh'), `the 2024 card: ${clegg}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('ticking Nvidia in the Company facet leaves only the 2023 meeting', async () => {
  const { page, context } = await openPage();
  await page.chooseCompany('Nvidia');
  assert.deepEqual(await page.dates(), ['18 September 2023']);
  const cards = await page.meetings();
  assert.ok(cards.every((c) => c.includes('Nvidia')), cards.join('\n---\n'));
  assert.ok(page.page.url().includes('company=Nvidia'), page.page.url());
  await context.close();
});

test('ticking Meta keeps both meetings, and the link restores the choice', async () => {
  const { page, context } = await openPage();
  await page.chooseCompany('Meta');
  assert.deepEqual(await page.dates(), ['18 September 2023', '30 September 2024']);
  const cards = await page.meetings();
  assert.ok(cards.every((c) => c.includes('Meta')), cards.join('\n---\n'));
  assert.ok(!cards.some((c) => c.includes('Jensen Huang')), 'the Nvidia meeting is hidden');
  const reopened = await openPage('?company=Nvidia');
  assert.equal(await reopened.page.facetBox('Company', 'Nvidia').isChecked(), true);
  assert.deepEqual(await reopened.page.dates(), ['18 September 2023']);
  await reopened.context.close();
  await context.close();
});

test('the articles list shows title, source, date and language', async () => {
  const { page, context } = await openPage();
  const articles = page.page.getByRole('region', { name: 'Articles' });
  const text = await articles.innerText();
  for (const expected of ['Meta invité à coopérer', 'Le Courrier du Vietnam', '30 September 2024', 'French', 'Indonesian', '19 September 2023']) {
    assert.ok(text.includes(expected), `articles show ${expected}:\n${text}`);
  }
  await context.close();
});

test('axe finds no serious or critical violation', async () => {
  const { page, context } = await openPage();
  const results = await new AxeBuilder({ page: page.page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
  await context.close();
});
