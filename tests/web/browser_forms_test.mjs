// Browser tests of the authoring forms (issue 10) in headless Chromium: create an indicator
// through its form and see it on the objective page, edit a fase, create an objective, a
// message next to a field, a stale edit refused with 409, a responsabile refused on another
// CdR; axe-core on every new page (zero serious or critical violations), screenshots in
// ARTIFACT_DIR with the prefix "forms-".
// Usage: node browser_forms_test.mjs TRAGUARDI_BINARY [ARTIFACT_DIR]
import { shown, start } from './browser_support.mjs';

const t = await start(process.argv);
const { base, check, expect, audit, login, context, logout } = t;
const page = await context.newPage();
const OWN = '/obiettivo/DUP_2025_2027/2025_S01_01';
const OTHER = '/obiettivo/DUP_2025_2027/2025_S02_01';

// The labels of the page's form that stand less than 8 px below what is above them: the field
// above, or for the form's first field the message or heading above the form. Bootstrap
// Italia's labels float up into the margin above them: with too little of it a textarea's or a
// select's label touched the box above (seen in forms-25-conflitto.png, on the page of a 409),
// and the first label touched the alert of a 400 (forms-04-fase-non-valida.png). Throws if the
// form has too few fields to say.
async function tightLabels() {
  const gaps = await page.evaluate(() => {
    const visible = (e) => e.getBoundingClientRect().height > 0;
    // The nearest visible element before `e`: a previous sibling, or its parent's.
    const before = (e) => {
      for (let at = e; at && at.tagName !== 'MAIN'; at = at.parentElement) {
        for (let p = at.previousElementSibling; p; p = p.previousElementSibling)
          if (visible(p)) return p;
      }
      return null;
    };
    return [...document.querySelectorAll('main form label')].map((l) => {
      const group = l.closest('.form-group, .select-wrapper');
      const prev = group && before(group);
      if (!prev) return null;
      const bottom = Math.max(...[prev, ...prev.querySelectorAll('*')].filter(visible)
        .map((e) => e.getBoundingClientRect().bottom));
      return { label: l.textContent, above: prev.className || prev.tagName,
               gap: Math.round(l.getBoundingClientRect().top - bottom) };
    }).filter((g) => g !== null);
  });
  if (gaps.length < 3) throw new Error('form fields not found: ' + JSON.stringify(gaps));
  return gaps.filter((g) => g.gap < 8);
}

await check('controllo creates an indicator and sees it on the objective page', async () => {
  await login(page, 'controllo');
  await page.goto(base + OWN);
  await page.getByRole('link', { name: 'Aggiungi un indicatore' }).click();
  await page.waitForURL(base + OWN + '/indicatore/nuovo');
  await audit(page, 'forms-01-indicatore-nuovo');
  await page.locator('#f-descrizione').fill('Domande presentate online (%)');
  await page.getByLabel('Tipo').selectOption('efficienza');
  await page.getByLabel('Scala e unità di misura').selectOption('percentuale');
  await page.getByLabel('Valore atteso').fill('80');
  await page.getByLabel('Valore raggiunto').fill('85,5');
  await page.getByRole('button', { name: "Aggiungi l'indicatore" }).click();
  await page.waitForURL(new RegExp(OWN + '#indicatori$'));
  const card = page.locator('.card').filter({ hasText: 'Domande presentate online (%)' });
  expect(await card.count() === 1, 'indicator card on the objective page');
  expect((await card.innerText()).includes('85,50'), 'valore raggiunto shown: ' + await card.innerText());
  await audit(page, 'forms-02-obiettivo-con-indicatore');
});

await check('edit a fase definition', async () => {
  await page.getByRole('link', { name: 'Modifica la fase 2' }).click();
  await page.waitForURL(base + OWN + '/fase/2/modifica');
  await audit(page, 'forms-03-fase-modifica');
  await page.locator('#f-descrizione').fill('Progettazione esecutiva');
  await page.getByLabel('Fine prevista').fill('30/09/2025');
  await page.getByLabel('Motivo della modifica').fill('ritardo negli incarichi');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.waitForURL(new RegExp(OWN + '#fasi$'));
  const row = await page.locator('table').filter({ hasText: 'Inizio previsto' }).locator('tbody tr').nth(1).innerText();
  expect(row.includes('Progettazione esecutiva') && row.includes('30/09/2025'), 'fase row: ' + row);
});

await check('invalid value: message next to the field, typed value kept', async () => {
  await page.goto(base + OWN + '/fase/1/modifica');
  await page.getByLabel('Peso (%)').fill('150');
  await page.getByRole('button', { name: 'Salva' }).click();
  expect(await shown(page.locator('#e-peso')), 'message next to peso');
  const msg = await page.locator('#e-peso').innerText();
  expect(/100/.test(msg), 'message next to peso: ' + msg);
  expect(await page.getByLabel('Peso (%)').getAttribute('aria-describedby') === 'h-peso e-peso',
         'aria-describedby');
  expect(await page.getByLabel('Peso (%)').inputValue() === '150', 'typed value kept');
  const tight = await tightLabels();
  expect(tight.length === 0, 'labels touching what is above: ' + JSON.stringify(tight));
  await audit(page, 'forms-04-fase-non-valida');
});

await check('controllo creates an objective', async () => {
  await page.goto(base + '/piano');
  await page.getByRole('link', { name: 'Nuovo obiettivo' }).click();
  await audit(page, 'forms-05-obiettivo-nuovo');
  await page.getByLabel('Codice').fill('2025_S01_80');
  await page.getByLabel('Livello').selectOption('peg');
  await page.getByLabel('Collegato a (obiettivo superiore)').selectOption('DUP_01_1201_0101');
  await page.getByLabel('Anno').fill('2025');
  await page.getByLabel('Descrizione sintetica').fill('Centro estivo comunale');
  await page.getByLabel('Centro di responsabilità').selectOption('01_S_2025.2');
  await page.getByRole('button', { name: "Crea l'obiettivo" }).click();
  await page.waitForURL(base + '/obiettivo/DUP_2025_2027/2025_S01_80');
  expect(await page.getByText('Centro estivo comunale').first().isVisible(), 'new objective page');
});

await check('every other authoring page passes axe', async () => {
  const pages = [
    [OWN + '/modifica', 'forms-06-obiettivo-modifica'],
    [OWN + '/fase/nuova', 'forms-07-fase-nuova'],
    [OWN + '/indicatore/1/modifica', 'forms-08-indicatore-modifica'],
    [OWN + '/stato', 'forms-09-stato'],
    [OWN + '/struttura/nuova', 'forms-10-struttura'],
    [OWN + '/soggetto/nuovo', 'forms-11-soggetto'],
    [OWN + '/fase/1/sposta', 'forms-11a-fase-sposta'],
    [OWN + '/fase/1/elimina', 'forms-11b-fase-elimina'],
    [OWN + '/indicatore/1/elimina', 'forms-11c-indicatore-elimina'],
    [OWN + '/elimina', 'forms-11d-obiettivo-elimina'],
    ['/organizzazione', 'forms-12-organizzazione'],
    ['/organizzazione/cdr', 'forms-13-cdr'],
    ['/organizzazione/cdr/nuovo', 'forms-14-cdr-nuovo'],
    ['/organizzazione/cdr/01_S_2025', 'forms-15-cdr-modifica'],
    ['/organizzazione/persone', 'forms-16-persone'],
    ['/organizzazione/persone/nuova', 'forms-17-persona-nuova'],
    ['/organizzazione/persone/MARINI%20ELENA', 'forms-18-persona-modifica'],
    ['/organizzazione/assessorati', 'forms-19-assessorati'],
    ['/organizzazione/assessorati/nuovo', 'forms-20-assessorato-nuovo'],
    ['/organizzazione/assessorati/SINDACO', 'forms-21-assessorato-modifica'],
    ['/organizzazione/aree', 'forms-22-aree'],
    ['/organizzazione/aree/nuova', 'forms-23-area-nuova'],
    ['/organizzazione/aree/DUP_2025_2027/1', 'forms-24-area-modifica'],
  ];
  const problems = [];
  for (const [path, label] of pages) {
    const r = await page.goto(base + path);
    if (r.status() !== 200) problems.push(`${path}: ${r.status()}`);
    try { await audit(page, label); } catch (e) { problems.push(e.message); }
  }
  expect(problems.length === 0, problems.join(' | '));
});

await check('a hint sits with its own field, clear of the next label', async () => {
  await page.goto(base + OWN + '/struttura/nuova');
  // For every hint: the gap to its own box above must be smaller than the gap to the label of
  // the next field below (seen in forms-10-struttura.png, where the two were alike).
  const gaps = await page.evaluate(() => [...document.querySelectorAll('small.form-text')].map((h) => {
    const group = h.closest('.form-group, .select-wrapper');
    const box = group.querySelector('input, select, textarea').getBoundingClientRect();
    const next = group.nextElementSibling && group.nextElementSibling.querySelector('label');
    const r = h.getBoundingClientRect();
    return { hint: h.textContent, above: r.top - box.bottom,
             below: next ? next.getBoundingClientRect().top - r.bottom : null };
  }));
  const close = gaps.filter((g) => g.below !== null && g.below < 2 * Math.max(g.above, 4));
  expect(gaps.length >= 3 && close.length === 0, JSON.stringify(close.length ? close : gaps));
});

await check('every label clears the field above it', async () => {
  await page.goto(base + OWN + '/modifica');
  const tight = await tightLabels();
  expect(tight.length === 0, JSON.stringify(tight));
});

await check('delete a fase from its edit page', async () => {
  const fasi = () => page.locator('table').filter({ hasText: 'Inizio previsto' }).locator('tbody tr');
  await page.goto(base + '/obiettivo/DUP_2025_2027/2025_S01_02');
  const before = await fasi().count();
  await page.getByRole('link', { name: 'Modifica la fase 2' }).click();
  await page.getByRole('link', { name: 'Elimina la fase' }).click();
  await page.getByRole('button', { name: 'Elimina' }).click();
  await page.waitForURL(/2025_S01_02#fasi$/);
  const after = await fasi().count();
  expect(after === before - 1, `fasi: ${before} -> ${after}`);
});

await check('a CdR and a person added from the organisation pages', async () => {
  await page.goto(base + '/organizzazione/persone');
  await page.getByRole('link', { name: 'Nuova persona' }).click();
  await page.locator('#f-nome').fill('NERI ADA');
  await page.getByRole('button', { name: 'Crea' }).click();
  await page.waitForURL(base + '/organizzazione/persone');
  expect(await page.getByRole('rowheader', { name: 'NERI ADA' }).isVisible(), 'person listed');
  await page.goto(base + '/organizzazione/cdr/nuovo');
  await page.getByLabel('Codice').fill('01_S_2025.4');
  await page.getByLabel('Denominazione').fill('SERVIZIO SPORT');
  await page.getByLabel('Centro superiore').selectOption('01_S_2025');
  await page.getByLabel('Responsabile').selectOption('NERI ADA');
  await page.getByRole('button', { name: 'Crea' }).click();
  await page.waitForURL(base + '/organizzazione/cdr');
  expect(await page.getByRole('cell', { name: 'SERVIZIO SPORT' }).isVisible(), 'CdR listed');
});

await check('stale objective edit refused with 409, typed values kept', async () => {
  const tab2 = await context.newPage();
  await page.goto(base + OWN + '/modifica');
  await tab2.goto(base + OWN + '/modifica');
  await tab2.getByLabel('Stato').fill('Sospeso');
  await tab2.getByRole('button', { name: 'Salva' }).click();
  await tab2.waitForURL(base + OWN);
  await page.getByLabel('Tipo di obiettivo').fill('Strategico');
  const [resp] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
                                    page.getByRole('button', { name: 'Salva' }).click()]);
  expect(resp.status() === 409, 'status ' + resp.status());
  expect(await shown(page.getByText('Cosa è cambiato nel frattempo')), 'what changed');
  expect(await page.getByRole('cell', { name: 'Sospeso' }).isVisible(), 'the other user\'s value');
  expect(await page.getByLabel('Tipo di obiettivo').inputValue() === 'Strategico', 'typed kept');
  const tight = await tightLabels();
  expect(tight.length === 0, 'labels touching what is above: ' + JSON.stringify(tight));
  await audit(page, 'forms-25-conflitto');
  await tab2.close();
});

await check('responsabile: own objective editable without structure, another CdR refused', async () => {
  await logout(page);
  await login(page, 'resp');
  await page.goto(base + OWN + '/modifica');
  expect(await page.getByLabel('Livello').isDisabled(), 'livello not for a responsabile');
  await audit(page, 'forms-26-modifica-responsabile');
  const r = await page.goto(base + OTHER + '/modifica');
  expect(r.status() === 403, 'status ' + r.status());
  await audit(page, 'forms-27-accesso-negato');
  const n = await page.goto(base + '/piano/nuovo');
  expect(n.status() === 403, 'new objective status ' + n.status());
  await page.goto(base + OTHER);
  expect(await page.getByRole('link', { name: "Modifica l'obiettivo" }).count() === 0, 'no link');
});

await check('lettore sees no authoring links', async () => {
  await logout(page);
  await login(page, 'lettore');
  await page.goto(base + OWN);
  expect(await page.getByRole('link', { name: /Modifica|Aggiungi/ }).count() === 0, 'no links');
  await page.goto(base + '/organizzazione/cdr');
  expect(await page.getByRole('link', { name: /Modifica|Nuovo/ }).count() === 0, 'read only list');
  await audit(page, 'forms-28-cdr-lettore');
});

await check('a form stays readable at phone width', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + '/organizzazione/cdr');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, 'horizontal overflow ' + overflow);
});

await t.finish();
