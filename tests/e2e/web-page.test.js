// The public verification page (web/, served by scripts/verify-page.sh) in a real browser:
// headless Chromium at a phone's size, against a dev chain holding a registered company and
// two certificates, one revoked. A person types a code and reads the answer: the company's
// standing, a valid certificate and its issuer, the revoked one and why, a malformed code's
// rule, an unreachable node, the block read with its polkadot.js apps link; then the page in
// Chinese. A failure saves a screenshot.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import puppeteer from 'puppeteer-core';
import { CHAOYANG_ENTERPRISE, companyParticulars } from './fixtures.js';
import { freePort, sendAndWatch, startNode, waitFor } from './node-process.js';

const server = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/verify-page.sh');
const COLLEGE = '12110000MB0013469Y';
let node;
let pageServer;
let browser;
let page;
let pageUrl;
const pageErrors = [];

before(async () => {
  node = await startNode('web', ['--dev']);
  const api = await node.api();
  const keyring = new Keyring({ type: 'sr25519' });
  const [eve, dave, ferdie] = ['Eve', 'Dave', 'Ferdie'].map((name) => keyring.addFromUri(`//${name}`));
  const noOverride = { organisationCheck: false, codeCheck: false };
  const now = Date.now();
  // The company, and the human-resources bureau's scheme (number 0 on a fresh chain), body
  // and accreditation, in one block.
  await Promise.all([
    sendAndWatch(api.tx.companyRegistry.register(CHAOYANG_ENTERPRISE, companyParticulars(), [],
      noOverride, 'Decision 2026-200'), eve),
    sendAndWatch(api.tx.utility.batchAll([
      api.tx.certification.defineScheme('区块链应用操作员', { Vocational: 4 }, 1_095, null),
      api.tx.certification.registerBody(COLLEGE, [ferdie.address]),
      api.tx.certification.accredit(COLLEGE, 0, now - 86_400_000, now + 365 * 86_400_000),
    ]), dave),
  ]);
  const holder = (byte) => ({ holder: `0x${byte.repeat(32)}`, account: null, document: `0x${'04'.repeat(32)}` });
  // Certificates 0 and 1, and 1 revoked, in one block.
  await sendAndWatch(api.tx.utility.batchAll([
    api.tx.certification.issueBatch(COLLEGE, 0, [holder('31'), holder('32')]),
    api.tx.certification.revoke(1, 'exam fraud'),
  ]), ferdie);

  const port = await freePort();
  pageServer = spawn('bash', [server, String(port)], { stdio: 'ignore' });
  await waitFor('the page server', async () => (await fetch(`http://127.0.0.1:${port}/`)).ok);
  pageUrl = `http://127.0.0.1:${port}/?node=http://127.0.0.1:${node.rpcPort}&lang=en`;

  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // The tests run as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox'],
  });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await page.goto(pageUrl);
});

after(async () => {
  if (browser) await browser.close();
  if (pageServer) pageServer.kill();
  if (node) await node.stop();
});

/** Runs `body`; on failure saves the page as a screenshot and names it in the error. */
async function screenshotOnFailure(body) {
  try {
    await body();
  } catch (error) {
    const file = join(mkdtempSync(join(tmpdir(), 'govchain-web-')), 'page.png');
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    error.message += `\n(screenshot: ${file})`;
    throw error;
  }
}

/** Types `code` as a person would, checks, and returns the answer card's text and link. */
async function ask(code) {
  await page.evaluate(() => document.getElementById('answer').replaceChildren());
  await page.click('#code', { clickCount: 3 });
  await page.type('#code', code);
  await page.click('button[type=submit]');
  await page.waitForSelector('#answer .card');
  return page.$eval('#answer .card', (card) => ({
    text: card.innerText,
    ok: card.classList.contains('ok'),
    link: card.querySelector('a.apps-link')?.href ?? null,
  }));
}

test('a person checks a company, a valid and a revoked certificate, and a malformed code', () =>
  screenshotOnFailure(async () => {
    const api = await node.api();
    const company = await ask(CHAOYANG_ENTERPRISE);
    assert.ok(company.ok, company.text);
    assert.match(company.text, /In good standing/);
    assert.match(company.text, /北京链政科技有限公司/);
    assert.match(company.text, /11110000MB0013426L/, 'the registering agency');
    const [, number, hash] = company.text.match(/Read at block #(\d+) \((0x[0-9a-f]{64})\)/);
    assert.equal((await api.rpc.chain.getBlockHash(Number(number))).toHex(), hash, 'a real block');
    assert.equal(company.link, `https://polkadot.js.org/apps/?rpc=${encodeURIComponent(
      `ws://127.0.0.1:${node.rpcPort}`)}#/explorer/query/${hash}`);

    const valid = await ask('0');
    assert.ok(valid.ok, valid.text);
    assert.match(valid.text, /Valid certificate/);
    assert.match(valid.text, new RegExp(COLLEGE), 'the issuer');
    assert.match(valid.text, /Active/, 'the issuer\'s accreditation now');

    const revoked = await ask('1');
    assert.ok(!revoked.ok, revoked.text);
    assert.match(revoked.text, /Not valid/);
    assert.match(revoked.text, /Revoked/);
    assert.match(revoked.text, /exam fraud/);

    const malformed = await ask('91110105MA01ABCD5');
    assert.ok(!malformed.ok);
    assert.match(malformed.text, /not a valid code/);
    assert.match(malformed.text, /WrongLength/, 'the failing rule');

    const missing = await ask('CN-NOWHERE-1');
    assert.match(missing.text, /Not found on the chain/);

    // A node that does not answer: what to check, and its address opened for editing.
    const setNode = (url) => page.$eval('#node', (input, value) => { input.value = value; }, url);
    await setNode(`http://127.0.0.1:${await freePort()}`);
    const unreachable = await ask('0');
    assert.match(unreachable.text, /could not be reached/);
    assert.match(unreachable.text, /--rpc-cors/);
    assert.ok(await page.$eval('details', (details) => details.open), 'the node address is shown');
    await setNode(`http://127.0.0.1:${node.rpcPort}`);
    assert.deepEqual(pageErrors, []);
  }));

test('the page fits a phone and speaks Chinese', () =>
  screenshotOnFailure(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scrolling at 390 px (content ${width} px wide)`);
    await page.click('#language');
    assert.equal(await page.$eval('h1', (h1) => h1.textContent), '在政务链上查验');
    const answer = await ask(CHAOYANG_ENTERPRISE);
    assert.match(answer.text, /经营状态良好/);
    assert.match(answer.text, /读取区块 #\d+/);
  }));
