// Browser tests of the audit log page, the upload of a legacy sheet and the ente picker
// (issue 10) in Debian's headless Chromium driven by playwright-core, with axe-core on every
// page visited: zero serious or critical violations. The sheet is the Scheda PEG among the
// seeds in ../shared/seeds (missing under CI=true: failure).
// Usage: node browser_ops_test.mjs TRAGUARDI_BINARY [ARTIFACT_DIR]
// Screenshots go to ARTIFACT_DIR (default build/web-artifacts). Without chromium or the npm
// packages the test is skipped (exit 77) — except under CI=true, where it fails.
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reached, root, shown, start, unavailable } from './browser_support.mjs';

const seedDir = resolve(root, '..', 'shared', 'seeds');
const seedName = existsSync(seedDir)
  ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).find((f) =>
      readFileSync(join(seedDir, f), 'utf8').slice(0, 400).includes('SCHEDA PEG DI RENDICONTAZIONE'))
  : undefined;
if (!seedName) unavailable('Scheda PEG seed not found in ../shared/seeds');

// A second ente, so that the national administrator has an ente to pick.
function addAltro({ tmp, db, run }) {
  const altro = join(tmp, 'altro.json');
  writeFileSync(altro, JSON.stringify({
    format: 'traguardi', format_version: 1,
    enti: [{ ente: { code: 'C_ALTRO', name: 'Comune Altro' }, vistas: [{ code: 'DUP_2099' }],
             objectives: [{ vista: 'DUP_2099', code: '2099_X_01', level: 'peg', year: 2099 }] }] }));
  run(['import', altro, '--db', db]);
}
const { base, tmp, db, context, artifacts, check, expect, audit, login, logout, finish } = await start(
  process.argv, {
    prepare: addAltro,
    accounts: [['controllo', 'controllo', 'C_VALDORA'], ['lettore', 'lettore', 'C_VALDORA'],
               ['nazionale', 'amministratore', '']],
  });
// A sheet file with a plain name (the seed's is a hash).
const sheet = join(tmp, 'scheda-peg-2021.txt');
writeFileSync(sheet, readFileSync(join(seedDir, seedName)));

const page = await context.newPage();
let firstCode = '';

await check('controllo opens the upload form', async () => {
  await login(page, 'controllo');
  await page.getByRole('link', { name: 'Importa una scheda' }).click();
  expect(await shown(page.getByRole('heading', { name: 'Importa una scheda' })), 'heading');
  await audit(page, 'ops-01-importa');
});
await check('a file that is not text is refused next to the field', async () => {
  const bad = join(tmp, 'non-testo.txt');
  writeFileSync(bad, Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 0, 0, 0, 0]));
  await page.getByLabel(/File della scheda/).setInputFiles(bad);
  await page.getByRole('button', { name: 'Analizza senza scrivere' }).click();
  expect(await page.locator('#e-scheda').innerText().then((t) => t.includes('non è un file di testo')),
         'message next to the field');
  await audit(page, 'ops-02-importa-errore');
});
await check('the dry run shows findings and the census', async () => {
  await page.getByLabel(/File della scheda/).setInputFiles(sheet);
  await page.getByRole('button', { name: 'Analizza senza scrivere' }).click();
  await page.waitForURL(base + '/importa/prova');
  expect(await page.getByText('nulla è stato ancora scritto').isVisible(), 'dry run notice');
  const finding = await page.locator('#segnalazioni li').first().innerText();
  expect(/^scheda-peg-2021\.txt:\d+: /.test(finding), 'finding with file:line: ' + finding);
  expect(await page.locator('#censimento').innerText().then((t) => /\d+ nuovi/.test(t)), 'census');
  firstCode = (await page.locator('table tbody tr').first().locator('td').nth(1).innerText()).trim();
  expect(firstCode.length > 0, 'objective code listed');
  await audit(page, 'ops-03-prova');
});
await check('confirm imports and the objectives are in the plan', async () => {
  await page.getByRole('button', { name: 'Conferma e importa' }).click();
  await page.waitForURL(base + '/importa/conferma');
  expect(await page.getByText(/importata nell'ente Comune di Valdora/).isVisible(), 'success');
  await audit(page, 'ops-04-importata');
  await page.getByRole('link', { name: 'Vai al piano' }).click();
  await page.getByLabel('Cerca nel codice o nella descrizione').fill(firstCode);
  await page.getByRole('button', { name: 'Filtra' }).click();
  expect(await reached(page, /[?&]q=/), 'filter in the address');
  expect(await shown(page.getByRole('link', { name: firstCode, exact: true })), 'objective in the plan');
  await page.getByRole('link', { name: firstCode, exact: true }).click();
  await page.screenshot({ path: join(artifacts, 'ops-05-obiettivo-importato.png'), fullPage: true });
});
await check('the audit log shows the import and the verified chain', async () => {
  await page.getByRole('link', { name: 'le modifiche di questo obiettivo nel registro' }).click();
  expect(await reached(page, /\/registro\?obiettivo=/), 'link from the objective page');
  await page.getByRole('link', { name: 'Registro delle modifiche' }).click();
  expect(await reached(page, /\/registro$/), 'whole log');
  const verdict = await page.locator('#verifica').innerText();
  expect(verdict.includes('Registro integro') && /verificata: \d+ voc/.test(verdict), verdict);
  expect(await shown(page.getByRole('cell', { name: 'importazione' }).first()), 'import entry');
  await audit(page, 'ops-06-registro');
  await page.getByLabel('Tipo di modifica').selectOption('importazione');
  await page.getByLabel('Dal giorno').fill('31/02/2025');
  await page.getByRole('button', { name: 'Filtra' }).click();
  expect(await shown(page.locator('#e-dal')), 'wrong date next to the field');
  await audit(page, 'ops-07-registro-errore');
});
await check('a lettore reads the log but cannot upload', async () => {
  await logout(page);
  await login(page, 'lettore');
  expect(await page.getByRole('link', { name: 'Importa una scheda' }).count() === 0, 'no upload link');
  const r = await page.goto(base + '/importa');
  expect(r.status() === 403, 'status ' + r.status());
  await page.goto(base + '/registro');
  expect(await page.locator('#verifica').isVisible(), 'verdict');
});
await check('a user of several enti switches ente with the picker', async () => {
  await logout(page);
  await login(page, 'nazionale');
  await page.getByRole('link', { name: 'Cambia ente' }).click();
  await audit(page, 'ops-08-enti');
  await page.getByRole('button', { name: /Apri.*Comune Altro/ }).click();
  await page.waitForURL(base + '/');
  expect(await page.locator('.it-header-slim-wrapper').innerText().then((t) => t.includes('Comune Altro')),
         'header shows the chosen ente');
  await page.screenshot({ path: join(artifacts, 'ops-09-ente-scelto.png'), fullPage: true });
});

await finish();
