import { serveDist, launchBrowser } from './support.mjs';
const server = await serveDist('dist');
const browser = await launchBrowser();
for (const q of ['?view=topics&topic=ai', '?view=network', '', '?view=topics&topic=ai']) {
  const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
  const page = await context.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', String(e)));
  const t = Date.now();
  await page.goto(server.url + q);
  try { await page.locator('main#main > *').first().waitFor({ timeout: 15000 }); console.log(q, 'ok', Date.now() - t); } catch (e) { console.log(q, 'TIMEOUT', await page.evaluate(() => document.body.innerHTML.slice(0, 300))); }
  await context.close();
}
await browser.close(); await server.close();
