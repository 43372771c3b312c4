// Browser tests of the web application (issue 10) in Debian's headless Chromium driven by
// playwright-core, with axe-core on every page visited: zero serious or critical violations.
// Usage: node browser_test.mjs TRAGUARDI_BINARY [ARTIFACT_DIR]
// Screenshots go to ARTIFACT_DIR (default build/web-artifacts). Without chromium or the npm
// packages the test is skipped (exit 77) — except under CI=true, where it fails.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PASSWORD, reached, shown, start } from './browser_support.mjs';

const { base, tmp, context, artifacts, check, expect, audit, login, logout, finish } =
  await start(process.argv, { axeOncePerPath: true });

const page = await context.newPage();
const OWN = '/obiettivo/DUP_2025_2027/2025_S01_01';
const OTHER = '/obiettivo/DUP_2025_2027/2025_S02_01';

await check('login page is accessible', async () => {
  await page.goto(base + '/accesso');
  await audit(page, '01-accesso');
});
await check('controllo logs in and sees the dashboard', async () => {
  await login(page, 'controllo');
  expect(await page.getByRole('heading', { name: 'Cruscotto' }).isVisible(), 'dashboard heading');
  await audit(page, '02-cruscotto');
});
await check('plan list filters and pages', async () => {
  await page.getByRole('link', { name: 'Piano degli obiettivi' }).click();
  await audit(page, '03-piano');
  await page.getByLabel('Livello').selectOption('peg');
  await page.getByRole('button', { name: 'Filtra' }).click();
  expect(await reached(page, /livello=peg/), 'filter in URL');
  expect(await page.getByText('30 obiettivi trovati').isVisible(), 'count of PEG objectives');
});
await check('open an objective, update a fase, see the figures change', async () => {
  await page.goto(base + OWN);
  await audit(page, '04-obiettivo');
  const figures = page.locator('#dati-calcolati + div table');
  const before = await figures.innerText();
  await page.getByRole('link', { name: 'Aggiorna la fase 2' }).click();
  await audit(page, '05-fase');
  await page.getByLabel('Avanzamento (%)').fill('40');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.waitForURL(new RegExp(OWN + '#fasi$'));
  const after = await figures.innerText();
  expect(before !== after, 'DATI CALCOLATI changed');
  // The fase row shows the new avanzamento and the rule's weighted sum moved with it.
  const row = await page.locator('table').filter({ hasText: 'Inizio previsto' }).locator('tbody tr').nth(1).innerText();
  expect(row.includes('40,0%'), 'fase 2 shows 40,0%: ' + row);
  const sum = (t) => /= ([\d.,]+) \//.exec(t)?.[1];
  expect(sum(before) && sum(after) && sum(before) !== sum(after),
         `weighted sum changed: ${sum(before)} -> ${sum(after)}`);
});
await check('invalid value refused next to the field', async () => {
  await page.goto(base + OWN + '/fase/1');
  await page.getByLabel('Avanzamento (%)').fill('150');
  await page.getByRole('button', { name: 'Salva' }).click();
  expect(await page.locator('#e-avanzamento').innerText() === 'deve essere compreso tra 0 e 100',
         'message next to the field');
  await audit(page, '06-fase-non-valida');
});
await check('stale edit refused with 409, typed values kept', async () => {
  const tab2 = await context.newPage(); // same session: another tab of the same user
  await page.goto(base + OWN + '/indicatore/1');
  await tab2.goto(base + OWN + '/indicatore/1');
  await tab2.getByLabel('Valore raggiunto').fill('99');
  await tab2.getByRole('button', { name: 'Salva' }).click();
  await page.getByLabel('Valore raggiunto').fill('55,5');
  const [resp] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
                                    page.getByRole('button', { name: 'Salva' }).click()]);
  expect(resp.status() === 409, 'status ' + resp.status());
  expect(await shown(page.getByText('Cosa è cambiato nel frattempo')), 'what changed');
  expect(await page.getByLabel('Valore raggiunto').inputValue() === '55,5', 'typed value kept');
  await audit(page, '07-conflitto');
  await tab2.close();
});
await check('download the PDF sheet and read its text', async () => {
  await page.goto(base + OWN);
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        page.getByRole('link', { name: 'PDF' }).click()]);
  const file = join(tmp, 'scheda.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text.includes('SCHEDA PEG DI RENDICONTAZIONE') && text.includes('2025_S01_01'), 'PDF text');
});
await check('lettore reads without edit controls', async () => {
  await logout(page);
  await login(page, 'lettore');
  await page.goto(base + OWN);
  expect(await page.getByRole('link', { name: /Aggiorna/ }).count() === 0, 'no edit links');
  const r = await page.goto(base + OWN + '/fase/1');
  expect(r.status() === 403, 'status ' + r.status());
  await audit(page, '08-accesso-negato');
});
await check('responsabile refused on another CdR', async () => {
  await logout(page);
  await login(page, 'resp');
  await audit(page, '09-cruscotto-responsabile');
  await page.goto(base + OTHER);
  expect(await page.getByText('non è del suo centro di responsabilità').isVisible(), 'notice');
  const r = await page.goto(base + OTHER + '/fase/1');
  expect(r.status() === 403, 'status ' + r.status());
  const own = await page.goto(base + OWN + '/fase/1');
  expect(own.status() === 200, 'own CdR editable');
});
await check('amministratore manages users', async () => {
  await logout(page);
  await login(page, 'admin');
  await page.getByRole('link', { name: 'Utenti' }).click();
  await page.getByLabel('Nome utente').fill('nuovo.utente');
  await page.getByLabel('Password iniziale').fill(PASSWORD);
  await page.getByRole('button', { name: 'Crea utenza' }).click();
  expect(await shown(page.getByText('Utenza nuovo.utente creata.')), 'created');
  await audit(page, '10-utenti');
});
await check('mobile width stays readable', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + OWN);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, 'horizontal overflow ' + overflow);
  await page.screenshot({ path: join(artifacts, '11-obiettivo-mobile.png'), fullPage: false });
});

await finish();
