// Screenshots of every screen in both languages, against the in-memory mock.
// Usage: npm run build && npm run screenshots   (Chromium at /usr/bin/chromium)
// Writes screenshots/<lang>-<n>-<screen>.png.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const PORT = 4179;
const base = `http://127.0.0.1:${PORT}/`;
const out = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

// Vite itself, not through npx: killing npx would leave the server running and this script waiting.
const vite = new URL('../node_modules/vite/bin/vite.js', import.meta.url).pathname;
const server = spawn(process.execPath, [vite, 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
  cwd: new URL('..', import.meta.url).pathname,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('vite preview did not start')), 20000);
  server.stdout.on('data', (d) => {
    if (String(d).includes(String(PORT))) {
      clearTimeout(timer);
      resolve();
    }
  });
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const errors = [];
async function run(lang, width, height, tag) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('pageerror', (e) => errors.push(`${lang}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${lang}: ${m.text()}`));
  await page.addInitScript((l) => localStorage.setItem('kuajing.locale', l), lang);
  await page.goto(base);
  let n = 0;
  const shot = async (name) => {
    n++;
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${out}${lang}-${tag}${String(n).padStart(2, '0')}-${name}.png` });
  };
  const tid = (id) => page.getByTestId(id);

  await tid('load-sample').waitFor();
  await shot('empty');
  await tid('load-sample').click();
  await tid('product-row').first().waitFor();
  await page.waitForTimeout(400);
  await shot('product');

  // Type a banned term into the title and wait for the check.
  const title = tid('title-zh');
  await title.click();
  await title.press('Control+End');
  await title.pressSequentially(' 第一品质🍒 2 lb');
  await page.waitForSelector('[data-testid="saved-state"][data-state="saved"]');
  await shot('findings');

  // Hazelnuts: an error in the list and on the page; scroll down for tables.
  await page.locator('[data-testid="product-row"][data-handle="dry-roasted-hazelnuts"]').click();
  await page.waitForTimeout(300);
  await page.locator('main').evaluate((m) => m.scrollTo(0, 10000));
  await shot('tables');
  await page.locator('[data-testid="product-row"][data-handle="rainier-cherries-gift-box"]').click();
  await page.waitForTimeout(300);
  await page.locator('[data-testid="images"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-testid="slot"]');
  await shot('images');

  // Taobao's four slots; a finding's text on focus; the compare view, flipped, then a long image.
  await tid('images-marketplace').selectOption('taobao');
  await page.waitForSelector('[data-testid="slot"][data-slot="white"]');
  await page.locator('[data-testid="slot"][data-slot="white"] [data-testid="slot-open"]').first().focus();
  await shot('images-taobao');
  await page.locator('[data-testid="slot"][data-slot="white"] [data-testid="slot-open"]').first().click();
  await page.waitForSelector('[data-testid="compare-slice"]');
  await shot('compare');
  await tid('compare-mode-flip').click();
  await tid('compare-flip').click();
  await page.waitForSelector('[data-testid="compare-original"]');
  await shot('compare-flip');
  await page.keyboard.press('Escape');
  await tid('images-marketplace').selectOption('tmall-global');

  await tid('tab-history').click();
  await page.waitForSelector('[data-testid="history-entry"]');
  await shot('history');
  // Restore the edit: the title goes back to the sample's.
  await tid('history-restore').first().click();
  await page.waitForSelector('[data-testid="saved-state"][data-state="saved"]');
  await tid('tab-listing').click();
  const restored = await tid('title-zh').inputValue();
  if (restored !== '美国华盛顿州雷尼尔黄樱桃礼盒 新鲜采摘 冷链直发') errors.push(`${lang}: restore gave “${restored}”`);
  await tid('tab-history').click();
  await page.waitForTimeout(300);
  await shot('history-restored');

  await tid('search').click();
  await tid('search').fill('salmon');
  await page.waitForTimeout(400);
  await shot('search');
  await tid('search').fill('');
  await page.waitForTimeout(300);

  await tid('import-open').click();
  await tid('import-path').fill('/home/demo/bad-export.csv');
  await tid('import-preview').click();
  await tid('import-summary').waitFor();
  await shot('import-errors');
  await tid('import-path').fill('/home/demo/products_export.csv');
  await tid('import-preview').click();
  await page.waitForSelector('[data-testid="import-summary"][data-errors="0"]');
  await shot('import-ok');
  await page.keyboard.press('Escape');

  await tid('export-open').click();
  await tid('export-run').click();
  await tid('export-error').waitFor();
  await shot('export-no-rate');
  await page.getByTestId('export-open-settings').click();
  await tid('rate-input').fill('7.1');
  await shot('settings');
  await tid('rate-save').click();
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  await tid('export-open').click();
  await tid('export-run').click();
  await tid('export-result').waitFor();
  await shot('export-result');
  await page.keyboard.press('Escape');

  // A render batch for Taobao: progress, then the summary with its notes.
  await tid('render-open').click();
  await tid('render-marketplace').selectOption('taobao');
  await tid('render-start').click();
  await page.waitForSelector('[data-testid="render-progress"][data-state="running"][data-total="4"]');
  await shot('render-progress');
  await tid('render-summary').waitFor();
  await shot('render-summary');
  await page.keyboard.press('Escape');
  await page.close();
}

try {
  await run('en', 1280, 800, '');
  await run('zh-CN', 1280, 800, '');
  await run('en', 1024, 700, 'small-');
  await run('zh-CN', 1024, 700, 'small-');
} finally {
  await browser.close();
  server.kill();
}
if (errors.length) {
  console.error(errors.join('\n'));
  process.exitCode = 1;
}
console.log(`screenshots in ${out}`);
