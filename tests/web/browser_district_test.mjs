// Browser test of the Piano di Zona pages (issue 12) in Debian's headless Chromium driven by
// playwright-core, with axe-core on every page visited (zero serious or critical violations)
// and a screenshot of each: a user of the demo ambito follows the navigation to the plan, the
// evaluation and the statistics, downloads the PDF report; a user of the comune is refused.
// Usage: node browser_district_test.mjs TRAGUARDI_BINARY [ARTIFACT_DIR]
// Without chromium or the npm packages the test is skipped (exit 77), except under CI=true.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const bin = resolve(process.argv[2] ?? join(root, 'build', 'traguardi'));
const artifacts = resolve(process.argv[3] ?? join(root, 'build', 'web-artifacts', 'distretto'));
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

const tmp = mkdtempSync(join(tmpdir(), 'traguardi-browser-district-'));
const db = join(tmp, 'web.db');
const run = (args, input) => execFileSync(bin, args, { input, encoding: 'utf8' });
run(['demo', '--db', db]);
for (const [name, role, ente, cdr] of [['ambito', 'lettore', 'A_VALDORA'],
                                       ['ufficio', 'responsabile', 'A_VALDORA', 'UDP_2024'],
                                       ['comune', 'lettore', 'C_VALDORA']]) {
  const args = ['user', 'add', name, '--ruolo', role, '--ente', ente, '--password-stdin', '--db', db];
  if (cdr) args.push('--cdr', cdr);
  run(args, PASSWORD + '\n');
}

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
  executablePath: CHROMIUM, headless: true, acceptDownloads: true,
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
  await page.getByRole('button', { name: 'Esci' }).click();
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
  await page.getByRole('button', { name: 'Esci' }).click();
  await login(page, 'comune');
  expect(await page.getByRole('link', { name: 'Piano di Zona' }).count() === 0, 'no nav link');
  const r = await page.goto(base + '/distretto?ente=A_VALDORA');
  expect(r.status() === 403, 'status ' + r.status());
  expect(!(await page.content()).includes('SPORTELLO'), 'nothing of the plan');
  await audit(page, '06-accesso-negato');
});

await context.close();
server.kill('SIGTERM');
await new Promise((ok) => server.once('exit', ok));
rmSync(profile, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });
console.log(results.join('\n'));
console.log(`screenshots: ${artifacts}`);
process.exit(failures ? 1 : 0);
