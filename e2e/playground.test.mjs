// Browser tests of the playground against a running service (CLAUSEWISE_URL), in Debian's chromium.
// Run by PlaygroundBrowserIT during `./mvnw verify`; alone: CLAUSEWISE_URL=http://localhost:PORT npm test
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.CLAUSEWISE_URL;
const SHOTS = process.env.SCREENSHOTS || '../target/playground';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const QUOTE = 'Mixpanel does not sell the personal information or personal data we collect.';
const SALE = { practice: 'share.sell', data: 'user.contact.email', recipient: 'third_party.unnamed', region: 'US' };

if (!BASE) throw new Error('set CLAUSEWISE_URL to the service under test, e.g. http://localhost:18080');
if (!existsSync(CHROMIUM)) {
  throw new Error(`chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM`);
}

let browser; let profile; // browser: the persistent context on a fresh --user-data-dir
const foreign = [];
const pageErrors = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'clausewise-chromium-'));
  // playwright passes the profile folder as --user-data-dir
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** A fresh page that records every request leaving the service and every script error. */
async function open(path = '/', viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  const origin = new URL(BASE).origin;
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(BASE + path);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return page;
}

async function fillQuestion(page, policy, q) {
  await page.selectOption('#q-policy', policy);
  for (const [k, v] of Object.entries(q)) await page.fill(`#q-${k}`, v);
}

async function api(path) {
  const r = await fetch(BASE + path);
  assert.equal(r.status, 200, path);
  return r.json();
}

test('the pickers search keys and aliases by everyday words', async () => {
  const page = await open();
  await page.click('#q-recipient');
  await page.keyboard.type('advert');
  const rec = page.locator('#q-recipient + ul [role="option"]');
  assert.ok((await rec.allTextContents()).some((t) => t.startsWith('third_party.advertising')), 'advert offers third_party.advertising');
  const first = await rec.first().getAttribute('data-key');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#q-recipient'), first, 'ArrowDown, Enter picks the first offer');
  await page.click('#q-data');
  await page.keyboard.type('cookie');
  const data = await page.locator('#q-data + ul [role="option"]').allTextContents();
  assert.ok(data.some((t) => t.startsWith('user.device.cookie_id')), `cookie offers user.device.cookie_id: ${data}`);
  await page.close();
});

test('ask Mixpanel the sale question: DENY, and the step lights the cited sentence', async () => {
  const page = await open();
  await fillQuestion(page, 'mixpanel', SALE);
  await page.click('#ask-btn');
  await page.waitForSelector('#verdict');
  assert.equal(await page.getAttribute('#verdict', 'data-outcome'), 'DENY');
  assert.match(await page.textContent('#verdict'), /forbidden/);
  await page.locator('#doc').evaluate((d) => { d.scrollTop = d.scrollHeight; });
  const step = page.locator('button.step', { hasText: QUOTE }).first();
  await step.click();
  assert.equal(await step.getAttribute('aria-pressed'), 'true');
  const mark = page.locator('#doc mark.cite-hl');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.textContent(), QUOTE);
  assert.ok(await mark.evaluate((m) => m.closest('p').classList.contains('cited')), 'the paragraph is marked');
  const inView = await mark.evaluate((m) => {
    const r = m.getBoundingClientRect(); const d = document.querySelector('#doc').getBoundingClientRect();
    return r.top >= d.top && r.bottom <= d.bottom;
  });
  assert.ok(inView, 'the document scrolled to the cited sentence');
  await page.screenshot({ path: join(SHOTS, 'ask.png'), fullPage: false });

  // NOT_ADDRESSED ("the policy is silent") must not look like DENY ("forbidden").
  const deny = await page.locator('#verdict').evaluate((v) => { const s = getComputedStyle(v); return [s.backgroundImage, s.borderStyle, s.color]; });
  await page.selectOption('#q-policy', 'pulumi');
  await page.click('#ask-btn');
  await page.waitForSelector('#verdict[data-outcome="NOT_ADDRESSED"]');
  assert.match(await page.textContent('#verdict'), /silent/);
  const na = await page.locator('#verdict').evaluate((v) => { const s = getComputedStyle(v); return [s.backgroundImage, s.borderStyle, s.color]; });
  assert.notDeepEqual(na, deny);
  assert.notEqual(na[1], deny[1], 'dashed border for silence');
  await page.close();
});

test('compare the five policies side by side', async () => {
  const page = await open();
  const q = { practice: 'share', data: 'user.device.cookie_id', recipient: 'advertisers', subject: 'visitor', region: 'FR' };
  await fillQuestion(page, 'mixpanel', q);
  await page.click('#compare-btn');
  await page.waitForSelector('#side-by-side .card[data-policy]');
  const expected = await api('/v1/compare?' + new URLSearchParams(q));
  const cards = page.locator('#side-by-side .card[data-policy]');
  assert.equal(await cards.count(), 5);
  for (const row of expected.rows) {
    const card = page.locator(`#side-by-side .card[data-policy="${row.policy}"]`);
    assert.equal(await card.locator('.verdict').getAttribute('data-outcome'), row.outcome, row.policy);
    if (row.cites.length) assert.ok((await card.textContent()).includes(row.cites[0].quote), `${row.policy} quotes its clause`);
  }
  await page.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });
  await page.close();
});

test('a matrix over two dimensions; a cell opens its decision', async () => {
  const page = await open();
  await fillQuestion(page, 'mixpanel', { practice: 'share' });
  await page.click('#tab-compare');
  await page.selectOption('#m-policy', 'mixpanel');
  await page.selectOption('#m-rows', 'data');
  await page.selectOption('#m-cols', 'recipient');
  await page.click('#matrix-btn');
  await page.waitForSelector('table.matrix td button');
  const m = await api('/v1/compare?policy=mixpanel&practice=share&rows=data&cols=recipient');
  assert.equal(await page.locator('table.matrix tbody tr').count(), m.rowKeys.length);
  assert.equal(await page.locator('table.matrix td button').count(), m.rowKeys.length * m.colKeys.length);
  const i = m.rowKeys.indexOf('user'); const j = m.colKeys.indexOf('third_party');
  assert.ok(i >= 0 && j >= 0, 'the matrix has user × third_party');
  const cell = page.locator(`table.matrix button[data-r="${i}"][data-c="${j}"]`);
  assert.equal(await cell.getAttribute('data-outcome'), m.cells[i][j].outcome);
  await page.screenshot({ path: join(SHOTS, 'matrix.png'), fullPage: false });
  await cell.click();
  await page.waitForSelector('#view-ask.active #verdict');
  assert.equal(await page.getAttribute('#verdict', 'data-outcome'), m.cells[i][j].outcome);
  assert.equal(await page.inputValue('#q-data'), 'user');
  assert.equal(await page.inputValue('#q-recipient'), 'third_party');
  await page.close();
});

test('a misspelled key in the editor: the diagnostic at its line with the hint; diff against the loaded version', async () => {
  const page = await open('/#author?policy=mixpanel');
  await page.waitForSelector('#validate-summary');
  const text = await page.inputValue('#yaml');
  const at = text.indexOf('data: user.contact.email', text.indexOf('- id: email-optout')) + 'data: '.length;
  const line = text.slice(0, at).split('\n').length;
  await page.locator('#yaml').evaluate((ta, [a, b]) => { ta.focus(); ta.setSelectionRange(a, b); }, [at, at + 'user.contact.email'.length]);
  await page.keyboard.type('user.contact.emial');
  const gutter = page.locator(`#gutter .ln.error[data-line="${line}"]`);
  await gutter.waitFor({ timeout: 20000 });
  const inline = page.locator(`#hl .line.error[data-line="${line}"] .inline-diag`);
  assert.match(await inline.textContent(), /unknown_data_category: did you mean `user\.contact\.email`\?/);
  assert.match(await gutter.getAttribute('title'), /unknown data `user\.contact\.emial`/);
  assert.match(await page.textContent('#p-diagnostics'), new RegExp(`line ${line}:\\d+ unknown_data_category`));
  // the diagnostic's location jumps the editor to its line
  await page.locator('#yaml').evaluate((ta) => { ta.setSelectionRange(0, 0); ta.scrollTop = 0; });
  await page.click(`#p-diagnostics .diag[data-line="${line}"] .where`);
  const selected = await page.locator('#yaml').evaluate((ta) => ta.value.slice(0, ta.selectionStart).split('\n').length);
  assert.equal(selected, line);
  await page.screenshot({ path: join(SHOTS, 'author.png'), fullPage: false });

  // The edited policy travels in the link too.
  await page.waitForFunction(() => location.hash.includes('yaml='));
  const shared = await open('/' + new URL(page.url()).hash);
  await shared.locator(`#gutter .ln.error[data-line="${line}"]`).waitFor({ timeout: 20000 });
  assert.ok((await shared.inputValue('#yaml')).includes('data: user.contact.emial'));
  await shared.close();

  // Fixed, then a semantic edit: the diff names changed answers.
  await page.locator('#yaml').evaluate((ta, [a, b]) => { ta.focus(); ta.setSelectionRange(a, b); }, [at, at + 'user.contact.emial'.length]);
  await page.keyboard.type('user.contact.email');
  await page.waitForSelector('#validate-summary.pass', { timeout: 20000 });
  assert.equal(await page.locator('#gutter .ln.error').count(), 0);
  await page.click('#t-diff');
  await page.waitForSelector('#diff-summary', { timeout: 120000 });
  assert.match(await page.textContent('#diff-summary'), /No answer changes/);
  await page.close();
});

test('save needs the token, which stays out of the link; a saved any_of shows as alternatives', { skip: !process.env.E2E_TOKEN && 'E2E_TOKEN not set' }, async () => {
  const page = await open('/#author?policy=workato');
  await page.waitForSelector('#validate-summary.pass');
  // transfer-consent's one condition becomes a choice of two
  const text = await page.inputValue('#yaml');
  const from = text.indexOf('conditions: [transfer_mechanism.derogation]', text.indexOf('- id: transfer-consent'));
  assert.ok(from > 0, 'workato has transfer-consent with its derogation condition');
  await page.locator('#yaml').evaluate((ta, [a, b]) => { ta.focus(); ta.setSelectionRange(a, b); }, [from, from + 'conditions: [transfer_mechanism.derogation]'.length]);
  await page.keyboard.type('any_of: [transfer_mechanism.derogation, legal_basis.consent]');
  await page.waitForSelector('#validate-summary.pass', { timeout: 20000 });
  await page.click('#t-save');
  await page.fill('#a-token', 'wrong');
  await page.click('#save-btn');
  await page.waitForSelector('#save-result .fail');
  assert.match(await page.textContent('#save-result'), /401/);
  await page.fill('#a-token', process.env.E2E_TOKEN);
  await page.click('#save-btn');
  await page.waitForSelector('#save-result .pass');
  const served = await (await fetch(BASE + '/v1/policies/workato/yaml')).text();
  assert.ok(served.includes('any_of: [transfer_mechanism.derogation, legal_basis.consent]'), 'the service serves the saved text');
  assert.ok(!page.url().includes(process.env.E2E_TOKEN), 'the token is not in the link');
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie), '{}{}');

  const q = { practice: 'transfer.international', data: 'user.contact.email', region: 'FR', destination: 'US' };
  const expected = await (await fetch(BASE + '/v1/decisions', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ policy: 'workato', ...q }) })).json();
  const alternatives = expected.conditions.filter((c) => c.anyOf != null).map((c) => c.key).sort();
  assert.deepEqual(alternatives, ['legal_basis.consent', 'transfer_mechanism.derogation'], JSON.stringify(expected.conditions));
  await page.click('#tab-ask');
  await fillQuestion(page, 'workato', q);
  await page.click('#ask-btn');
  await page.waitForSelector('#verdict');
  assert.equal(await page.getAttribute('#verdict', 'data-outcome'), expected.outcome);
  const group = page.locator('.conditions .anyof');
  assert.equal(await group.count(), 1);
  assert.match(await group.textContent(), /any one of/);
  assert.deepEqual((await group.locator('.alt').evaluateAll((es) => es.map((e) => e.dataset.key))).sort(), alternatives);
  await page.close();
});

test('a share link reproduces the question, the answer and the lit clause', async () => {
  const page = await open();
  await fillQuestion(page, 'mixpanel', SALE);
  await page.selectOption('#c-consent', 'granted');
  await page.click('#ask-btn');
  await page.waitForSelector('#verdict[data-outcome="DENY"]');
  await page.click('#share-btn');
  const link = await page.inputValue('#share-url');
  assert.ok(link.startsWith(BASE) && link.includes('#ask?'), link);
  await page.close();

  const again = await open(link.slice(BASE.length));
  await again.waitForSelector('#verdict');
  assert.equal(await again.getAttribute('#verdict', 'data-outcome'), 'DENY');
  for (const [k, v] of Object.entries(SALE)) assert.equal(await again.inputValue(`#q-${k}`), v, k);
  assert.equal(await again.inputValue('#c-consent'), 'granted');
  assert.equal(await again.textContent('#doc mark.cite-hl'), QUOTE);
  await again.close();
});

test('readable at phone width: nothing wider than the screen', async () => {
  const page = await open('/#ask?' + new URLSearchParams({ ...SALE, policy: 'mixpanel' }), { width: 390, height: 844 });
  await page.waitForSelector('#verdict[data-outcome="DENY"]');
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `page is ${scroll}px wide at ${inner}px`);
  await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: false });
  await page.close();
});

test('nothing was fetched from another host, and no script failed', () => {
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageErrors, []);
});
