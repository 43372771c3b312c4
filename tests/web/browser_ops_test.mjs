// Browser tests of the audit log page, the upload of a legacy sheet and the ente picker
// (issue 10) in Debian's headless Chromium driven by playwright-core, with axe-core on every
// page visited: zero serious or critical violations. The sheet is the Scheda PEG among the
// seeds in ../shared/seeds (missing under CI=true: failure).
// Usage: node browser_ops_test.mjs TRAGUARDI_BINARY [ARTIFACT_DIR]
// Screenshots go to ARTIFACT_DIR (default build/web-artifacts). Without chromium or the npm
// packages the test is skipped (exit 77) — except under CI=true, where it fails.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const bin = resolve(process.argv[2] ?? join(root, 'build', 'traguardi'));
const artifacts = resolve(process.argv[3] ?? join(root, 'build', 'web-artifacts'));
const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'password-di-prova-1';

function unavailable(why) {
  if (process.env.CI === 'true') {
    console.error(`FAIL: ${why} (required under CI)`);
    process.exit(1);
  }
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

const require = createRequire(join(root, 'package.json'));
let chromium, AxeBuilder;
try {
  ({ chromium } = require('playwright-core'));
  AxeBuilder = require('@axe-core/playwright').default;
} catch (e) {
  unavailable('npm packages missing: run npm ci');
}
if (!existsSync(CHROMIUM)) unavailable('chromium not installed (apt-get install chromium)');

const seedDir = resolve(root, '..', 'shared', 'seeds');
const seedName = existsSync(seedDir)
  ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).find((f) =>
      readFileSync(join(seedDir, f), 'utf8').slice(0, 400).includes('SCHEDA PEG DI RENDICONTAZIONE'))
  : undefined;
if (!seedName) unavailable('Scheda PEG seed not found in ../shared/seeds');

const tmp = mkdtempSync(join(tmpdir(), 'traguardi-browser-ops-'));
const db = join(tmp, 'web.db');
const run = (args, input) => execFileSync(bin, args, { input, encoding: 'utf8' });
run(['demo', '--db', db]);
const altro = join(tmp, 'altro.json');
writeFileSync(altro, JSON.stringify({
  format: 'traguardi', format_version: 1,
  enti: [{ ente: { code: 'C_ALTRO', name: 'Comune Altro' }, vistas: [{ code: 'DUP_2099' }],
           objectives: [{ vista: 'DUP_2099', code: '2099_X_01', level: 'peg', year: 2099 }] }] }));
run(['import', altro, '--db', db]);
for (const [name, role, ente] of [['controllo', 'controllo', 'C_VALDORA'],
                                  ['lettore', 'lettore', 'C_VALDORA'],
                                  ['nazionale', 'amministratore', '']]) {
  const args = ['user', 'add', name, '--ruolo', role, '--password-stdin', '--db', db];
  if (ente) args.push('--ente', ente);
  run(args, PASSWORD + '\n');
}
// A sheet file with a plain name (the seed's is a hash).
const sheet = join(tmp, 'scheda-peg-2021.txt');
writeFileSync(sheet, readFileSync(join(seedDir, seedName)));

const server = spawn(bin, ['serve', '--db', db, '--port', '0', '--senza-log'],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((ok, fail) => {
  server.stdout.once('data', (d) => {
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(d));
    m ? ok(`http://127.0.0.1:${m[1]}`) : fail(new Error('server did not start: ' + d));
  });
  server.once('exit', (c) => fail(new Error('server exited ' + c)));
});

mkdirSync(artifacts, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'traguardi-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let failures = 0;
const results = [];
async function check(name, body) {
  try {
    await body();
    results.push(`ok   ${name}`);
  } catch (e) {
    failures++;
    results.push(`FAIL ${name}: ${e.message.split('\n')[0]}`);
  }
}
function expect(cond, what) { if (!cond) throw new Error(what); }

async function audit(page, label) {
  await page.screenshot({ path: join(artifacts, `${label}.png`), fullPage: true });
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  writeFileSync(join(artifacts, `${label}.axe.json`), JSON.stringify(r.violations, null, 1));
  expect(bad.length === 0, `axe on ${label}: ` + bad.map((v) => `${v.id}(${v.impact}): ${v.nodes[0]?.target}`).join('; '));
}

async function login(page, name) {
  await page.goto(base + '/accesso');
  await page.getByLabel('Nome utente').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.waitForURL(base + '/');
}

const page = await context.newPage();
let firstCode = '';

await check('controllo opens the upload form', async () => {
  await login(page, 'controllo');
  await page.getByRole('link', { name: 'Importa una scheda' }).click();
  expect(await page.getByRole('heading', { name: 'Importa una scheda' }).isVisible(), 'heading');
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
  expect(await page.getByRole('link', { name: firstCode, exact: true }).isVisible(), 'objective in the plan');
  await page.getByRole('link', { name: firstCode, exact: true }).click();
  await page.screenshot({ path: join(artifacts, 'ops-05-obiettivo-importato.png'), fullPage: true });
});
await check('the audit log shows the import and the verified chain', async () => {
  await page.getByRole('link', { name: 'le modifiche di questo obiettivo nel registro' }).click();
  expect(page.url().includes('/registro?obiettivo='), 'link from the objective page');
  await page.getByRole('link', { name: 'Registro delle modifiche' }).click();
  const verdict = await page.locator('#verifica').innerText();
  expect(verdict.includes('Registro integro') && /verificata: \d+ voc/.test(verdict), verdict);
  expect(await page.getByRole('cell', { name: 'importazione' }).first().isVisible(), 'import entry');
  await audit(page, 'ops-06-registro');
  await page.getByLabel('Tipo di modifica').selectOption('importazione');
  await page.getByLabel('Dal giorno').fill('31/02/2025');
  await page.getByRole('button', { name: 'Filtra' }).click();
  expect(await page.locator('#e-dal').isVisible(), 'wrong date next to the field');
  await audit(page, 'ops-07-registro-errore');
});
await check('a lettore reads the log but cannot upload', async () => {
  await page.getByRole('button', { name: 'Esci' }).click();
  await login(page, 'lettore');
  expect(await page.getByRole('link', { name: 'Importa una scheda' }).count() === 0, 'no upload link');
  const r = await page.goto(base + '/importa');
  expect(r.status() === 403, 'status ' + r.status());
  await page.goto(base + '/registro');
  expect(await page.locator('#verifica').isVisible(), 'verdict');
});
await check('a user of several enti switches ente with the picker', async () => {
  await page.getByRole('button', { name: 'Esci' }).click();
  await login(page, 'nazionale');
  await page.getByRole('link', { name: 'Cambia ente' }).click();
  await audit(page, 'ops-08-enti');
  await page.getByRole('button', { name: /Apri.*Comune Altro/ }).click();
  await page.waitForURL(base + '/');
  expect(await page.locator('.it-header-slim-wrapper').innerText().then((t) => t.includes('Comune Altro')),
         'header shows the chosen ente');
  await page.screenshot({ path: join(artifacts, 'ops-09-ente-scelto.png'), fullPage: true });
});

await context.close();
server.kill('SIGTERM');
await new Promise((ok) => server.once('exit', ok));
rmSync(profile, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });
console.log(results.join('\n'));
console.log(`screenshots: ${artifacts}`);
process.exit(failures ? 1 : 0);
