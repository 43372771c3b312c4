// What the browser tests of the web application share: a demo database with one account per
// role, a real `traguardi serve` on an ephemeral port, headless Debian chromium driven by
// playwright-core, checks with their results, and axe-core on a page (zero serious or critical
// WCAG 2.1 AA violations) with a screenshot kept in the artifacts directory.
// Without chromium or the npm packages a test is skipped (exit 77) — except under CI=true.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const PASSWORD = 'password-di-prova-1';

// Whether the element shows, waiting for it: after a click that loads a new page, isVisible()
// would ask the old page, and a loaded machine loses that race (CI of 2026-12-02).
export function shown(locator, timeout = 30000) {
  return locator.waitFor({ state: 'visible', timeout }).then(() => true, () => false);
}

// Whether the page's address comes to match, waiting for the navigation a click started.
export function reached(page, url, timeout = 30000) {
  return page.waitForURL(url, { timeout }).then(() => true, () => false);
}

export function unavailable(why) {
  if (process.env.CI === 'true') {
    console.error(`FAIL: ${why} (required under CI)`);
    process.exit(1);
  }
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

/// The demo comune's four accounts, one per role: [name, role, ente ('' = every ente), cdr].
export const ROLE_ACCOUNTS = [['controllo', 'controllo', 'C_VALDORA'],
                              ['resp', 'responsabile', 'C_VALDORA', '01_S_2025'],
                              ['lettore', 'lettore', 'C_VALDORA'],
                              ['admin', 'amministratore', 'C_VALDORA']];

/// Starts everything: returns { base, bin, tmp, db, context, artifacts, check, expect, audit,
/// login, finish }. Options: `accounts` to create (default ROLE_ACCOUNTS); `prepare({ bin, tmp,
/// db, run })` to add data after the demo and before the server starts; `artifactsSub`, a
/// sub-folder of the default artifacts directory; `axeOncePerPath`, to screenshot every step but
/// run axe once per page path (numbers folded), for tests that revisit pages.
export async function start(argv, { accounts = ROLE_ACCOUNTS, prepare, artifactsSub = '',
                                    axeOncePerPath = false } = {}) {
  const bin = resolve(argv[2] ?? join(root, 'build', 'traguardi'));
  const artifacts = resolve(argv[3] ?? join(root, 'build', 'web-artifacts', artifactsSub));
  const require = createRequire(join(root, 'package.json'));
  let chromium, AxeBuilder;
  try {
    ({ chromium } = require('playwright-core'));
    AxeBuilder = require('@axe-core/playwright').default;
  } catch (e) {
    unavailable('npm packages missing: run npm ci');
  }
  if (!existsSync(CHROMIUM)) unavailable('chromium not installed (apt-get install chromium)');

  const tmp = mkdtempSync(join(tmpdir(), 'traguardi-browser-'));
  const db = join(tmp, 'web.db');
  const run = (args, input) => execFileSync(bin, args, { input, encoding: 'utf8' });
  run(['demo', '--db', db]);
  if (prepare) prepare({ bin, tmp, db, run });
  for (const [name, role, ente, cdr] of accounts) {
    const args = ['user', 'add', name, '--ruolo', role, '--password-stdin', '--db', db];
    if (ente) args.push('--ente', ente);
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

  /// Screenshot, then axe on the page as it is now.
  const axeSeen = new Set();
  async function audit(page, label) {
    await page.screenshot({ path: join(artifacts, `${label}.png`), fullPage: true });
    if (axeOncePerPath) {
      const key = new URL(page.url()).pathname.replace(/\/\d+$/, '/N');
      if (axeSeen.has(key)) return;
      axeSeen.add(key);
    }
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

  /// Signs out and waits for the login page: a goto started before the sign-out's answer would
  /// cancel it, and the next login would find the old session.
  async function logout(page) {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL(base + '/accesso');
  }

  async function finish() {
    await context.close();
    server.kill('SIGTERM');
    await new Promise((ok) => server.once('exit', ok));
    rmSync(profile, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
    console.log(results.join('\n'));
    console.log(`screenshots: ${artifacts}`);
    process.exit(failures ? 1 : 0);
  }

  return { base, bin, tmp, db, run, context, artifacts, check, expect, audit, login, logout,
           finish };
}
