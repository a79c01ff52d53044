// Takes the README's screenshots of the built page (not a test): node e2e/screenshot.mjs [OUT_DIR]
import { serveDist, launchBrowser, DossierPage } from './support.mjs';

const out = process.argv[2] || 'docs';
const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const [name, query, width, scheme] of [
    ['screenshot', '', 1200, 'light'],
    ['screenshot-dark-phone', '', 390, 'dark'],
  ]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = new DossierPage(await context.newPage());
    await page.open(server.url, query);
    await page.page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
