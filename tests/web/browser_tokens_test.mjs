// Browser tests of the token page /token (issue 11) in Debian's headless Chromium driven by
// playwright-core, with axe-core on every state of the page: zero serious or critical
// violations. A user creates a token (shown once), uses it on the API, revokes it; an
// amministratore sees and manages the tokens of the ente's users.
// Usage: node browser_tokens_test.mjs TRAGUARDI_BINARY [ARTIFACT_DIR]
// Screenshots go to ARTIFACT_DIR (default build/web-artifacts). Without chromium or the npm
// packages the test is skipped (exit 77) — except under CI=true, where it fails.
import { shown, start } from './browser_support.mjs';

const t = await start(process.argv);
const { base, check, expect, audit, login, context, logout } = t;
const page = await context.newPage();

await check('a user creates a token, sees it once and uses it', async () => {
  await login(page, 'resp');
  await page.getByRole('link', { name: 'Token API' }).click();
  expect(await shown(page.getByRole('heading', { name: 'Token API' })), 'heading');
  expect(await page.getByText('Nessun token.').isVisible(), 'empty list');
  await audit(page, 't01-token-vuoto');
  await page.getByLabel('Ruolo del token').selectOption('lettore');
  await page.getByLabel('Scadenza (ultimo giorno di validità)').fill('31/12/2099');
  await page.getByRole('button', { name: 'Crea token' }).click();
  const secret = (await page.locator('#nuovo-token').innerText()).trim();
  expect(/^tg_[0-9a-f]{64}$/.test(secret), 'secret shown: ' + secret);
  await audit(page, 't02-token-creato');
  const r = await fetch(base + '/api/v1/enti', { headers: { Authorization: 'Bearer ' + secret } });
  expect(r.status === 200, 'token works: ' + r.status);
  await page.goto(base + '/token');
  expect(!(await page.content()).includes(secret), 'never shown again');
  expect(await page.getByRole('cell', { name: 'attivo' }).isVisible(), 'active');
  await page.getByRole('button', { name: /Revoca/ }).click();
  await page.waitForURL(base + '/token');
  expect(await page.getByRole('cell', { name: 'revocato' }).isVisible(), 'revoked');
  const after = await fetch(base + '/api/v1/enti', { headers: { Authorization: 'Bearer ' + secret } });
  expect(after.status === 401, 'revoked token refused: ' + after.status);
  await audit(page, 't03-token-revocato');
});
await check('a wrong expiry is shown next to its field', async () => {
  await page.getByLabel('Scadenza (ultimo giorno di validità)').fill('31/02/2099');
  await page.getByRole('button', { name: 'Crea token' }).click();
  const field = page.getByLabel('Scadenza (ultimo giorno di validità)');
  expect(await shown(page.locator('#e-scadenza')), 'message next to the field');
  expect(await field.getAttribute('aria-invalid') === 'true', 'aria-invalid');
  await audit(page, 't04-token-errore');
});
await check('amministratore manages the tokens of the users', async () => {
  await logout(page);
  await login(page, 'admin');
  await page.goto(base + '/token');
  await page.getByLabel('Utente').selectOption('lettore');
  await page.getByRole('button', { name: 'Crea token' }).click();
  expect(await shown(page.locator('#nuovo-token')), 'created for lettore');
  await page.goto(base + '/token');
  expect(await page.getByRole('cell', { name: 'resp', exact: true }).first().isVisible(), "resp's token listed");
  expect(await page.getByRole('cell', { name: 'lettore', exact: true }).first().isVisible(), "lettore's token listed");
  await audit(page, 't05-token-amministratore');
});

await t.finish();
