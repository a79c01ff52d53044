// Takes the README's screenshots of the built page (not a test): node e2e/screenshot.mjs [OUT_DIR]
import { serveDist, launchBrowser, DossierPage } from './support.mjs';

const out = process.argv[2] || 'docs';
const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const [name, query, width, scheme] of [
    ['screenshot', '', 1200, 'light'],
    ['view-topics', '?view=topics', 1200, 'light'],
    ['view-entities', '?view=entities', 1200, 'light'],
    ['view-network', '?view=network', 1200, 'light'],
    ['view-article', '?view=article&article=004_b9c81769e6d6b49c', 1200, 'light'],
    ['screenshot-dark-phone', '', 390, 'dark'],
  ]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = new DossierPage(await context.newPage());
    await page.page.goto(server.url + query);
    await page.page.locator('main').waitFor();
    await page.page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
