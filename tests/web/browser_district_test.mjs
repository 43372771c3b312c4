// Browser test of the Piano di Zona pages (issue 12) in Debian's headless Chromium driven by
// playwright-core, with axe-core on every page visited (zero serious or critical violations)
// and a screenshot of each: a user of the demo ambito follows the navigation to the plan, the
// evaluation and the statistics, downloads the PDF report; a user of the comune is refused.
// Usage: node browser_district_test.mjs TRAGUARDI_BINARY [ARTIFACT_DIR]
// Without chromium or the npm packages the test is skipped (exit 77), except under CI=true.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { start } from './browser_support.mjs';

const { base, tmp, context, artifacts, check, expect, audit, login, logout, finish } = await start(
  process.argv, {
    artifactsSub: 'distretto',
    accounts: [['ambito', 'lettore', 'A_VALDORA'], ['ufficio', 'responsabile', 'A_VALDORA', 'UDP_2024'],
               ['comune', 'lettore', 'C_VALDORA']],
  });

const page = await context.newPage();

await check('the ambito user reaches the Piano di Zona from the navigation', async () => {
  await login(page, 'ambito');
  await audit(page, '01-cruscotto-ambito');
  await page.getByRole('navigation', { name: 'Menu principale' })
    .getByRole('link', { name: 'Piano di Zona' }).click();
  await page.waitForURL(base + '/distretto');
  expect(await page.getByRole('heading', { level: 1 }).innerText() ===
         "Piano di Zona dell'ambito della Val d'Ora 2024-2026", 'page heading');
  await audit(page, '02-piano-di-zona');
});
await check('macro-obiettivi show linked PEG objectives and their mean', async () => {
  const card = page.locator('.card').filter({ hasText: 'MO04 DOMICILIARITÀ E SOLLIEVO' });
  const text = await card.innerText();
  expect(text.includes('Comune di Valdora') && text.includes('2025_S01_03'), 'linked objective');
  expect(/Media semplice[^\n]*comuni: Comune di Pievelunga, Comune di Valdora/.test(text), 'named mean');
  expect(text.includes('75,3%') && text.includes('98,44%'), 'mean figures: ' + text);
});
await check('evaluation table by area', async () => {
  await page.getByRole('link', { name: 'Valutazione degli esiti' }).first().click();
  await page.waitForURL(base + '/distretto/valutazione');
  expect(await page.getByRole('heading', { name: 'Inclusione sociale' }).isVisible(), 'area heading');
  expect(await page.getByText('SEGRETARIATO SOCIALE DI VALLE').isVisible(), 'evaluated objective');
  await audit(page, '03-valutazione');
});
await check('statistics with formulas, aggregation labels and the disagreement', async () => {
  await page.getByRole('link', { name: 'Statistiche territoriali' }).first().click();
  await page.waitForURL(base + '/distretto/statistiche');
  const row = page.locator('tr.tg-disagreement');
  expect(await row.count() === 1, 'one disagreement row');
  const text = await row.innerText();
  expect(text.includes('24,00') && text.includes('25,42') && text.includes('discordante'),
         'both numbers: ' + text);
  expect(await page.getByRole('rowheader', { name: 'Ambito – rapporto delle somme' }).first().isVisible(),
         'aggregation label');
  await audit(page, '04-statistiche');
});
await check('download the Piano di Zona PDF and read its text', async () => {
  await page.goto(base + '/distretto');
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        page.getByRole('link', { name: 'PDF – Piano di Zona' }).click()]);
  const file = join(tmp, 'piano.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text.includes('PIANO DI ZONA') && text.includes('SPORTELLO SOCIALE UNICO DI VALLE'), 'PDF text');
});
await check('the Ufficio di Piano responsabile reads the plan', async () => {
  await logout(page);
  await login(page, 'ufficio');
  const r = await page.goto(base + '/distretto/statistiche');
  expect(r.status() === 200, 'status ' + r.status());
});
await check('mobile width stays readable', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/distretto', '/distretto/valutazione', '/distretto/statistiche']) {
    await page.goto(base + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 1, `horizontal overflow ${overflow} on ${path}`);
  }
  await page.goto(base + '/distretto');
  await page.screenshot({ path: join(artifacts, '05-piano-di-zona-mobile.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
});
await check('a user of the comune is refused with 403', async () => {
  await logout(page);
  await login(page, 'comune');
  expect(await page.getByRole('link', { name: 'Piano di Zona' }).count() === 0, 'no nav link');
  const r = await page.goto(base + '/distretto?ente=A_VALDORA');
  expect(r.status() === 403, 'status ' + r.status());
  expect(!(await page.content()).includes('SPORTELLO'), 'nothing of the plan');
  await audit(page, '06-accesso-negato');
});

await finish();
