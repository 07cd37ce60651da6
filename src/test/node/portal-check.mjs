// Walks the portal (/portal) in Debian's headless Chromium as a person would: logs in on the portal's
// login page, then runs the steps of a JSON file in order and prints one JSON report as its last line.
//
//   node portal-check.mjs --base-url URL --user U --password P --steps FILE
//        [--screenshot-dir DIR] [--shots-dir DIR] [--locale zh-CN] [--timezone Asia/Shanghai]
//
// Steps (one key each):
//   {"goto": "/portal/lists/hazards"}         open a page of the site
//   {"click": "文本"}                          click the link or button showing exactly this text
//   {"fill": {"label": "名称", "value": "x"}}  type into the field with this label
//   {"select": {"label": "区县", "value": "忻府区"}}   choose the option with this text
//   {"check": "标签"}                          tick the checkbox with this label
//   {"upload": {"label": "附件", "file": "/abs/path"}}
//   {"expectText": "文字"} / {"expectNoText": "文字"}   wait (up to 30 s) for the text to be on / off the page
//   {"expectUrl": "/portal/cases/"}            wait for the address to contain this
//   {"waitFor": "css selector"}                wait for an element
//   {"read": "css selector"}                   append the innerText of every match to report.reads
//   {"shot": "name"}                           full-page screenshot to SHOTS_DIR/name.png
// The report: ok, error (the failed step), reads, url, externalRequests (anything asked of another host:
// the portal must fetch nothing from outside), pageErrors (uncaught script errors).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// as tasklist-check.mjs: the Tasklist (reached from case pages) loads slowly on a busy machine
const STEP_TIMEOUT_MS = 30_000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--lang=zh-CN',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function parseArgs(argv) {
  const options = { locale: 'zh-CN', timezone: 'Asia/Shanghai', screenshotDir: 'target/browser', shotsDir: 'target/screenshots' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    options[key] = argv[i + 1];
  }
  for (const required of ['baseUrl', 'user', 'password', 'steps']) {
    if (!options[required]) {
      throw new Error(`--${required} is required`);
    }
  }
  return options;
}

const exactText = text => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

async function clickable(page, text) {
  const candidates = page.locator('a, button, input[type=submit], [role=button], summary')
    .filter({ hasText: exactText(text) });
  if (await candidates.count() === 0) {
    return page.locator(`input[type=submit][value="${text}"]`).first();
  }
  return candidates.first();
}

async function runStep(page, step, options, report) {
  const [kind, arg] = Object.entries(step)[0];
  switch (kind) {
    case 'goto':
      await page.goto(new URL(arg, options.baseUrl).toString());
      await page.waitForLoadState('networkidle');
      return;
    case 'click':
      await (await clickable(page, arg)).click();
      await page.waitForLoadState('networkidle');
      return;
    case 'fill':
      await page.getByLabel(arg.label, { exact: false }).first().fill(String(arg.value));
      return;
    case 'select':
      await page.getByLabel(arg.label, { exact: false }).first().selectOption({ label: String(arg.value) });
      return;
    case 'check':
      await page.getByLabel(arg, { exact: false }).first().check();
      return;
    case 'upload':
      await page.getByLabel(arg.label, { exact: false }).first().setInputFiles(arg.file);
      return;
    case 'expectText':
      await page.getByText(arg, { exact: false }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      return;
    case 'expectNoText':
      await page.waitForFunction(text => !document.body.innerText.includes(text), arg, { timeout: STEP_TIMEOUT_MS });
      return;
    case 'expectUrl':
      await page.waitForURL(url => url.toString().includes(arg), { timeout: STEP_TIMEOUT_MS });
      return;
    case 'waitFor':
      await page.locator(arg).first().waitFor({ timeout: STEP_TIMEOUT_MS });
      return;
    case 'read':
      report.reads.push(...(await page.locator(arg).allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim()));
      return;
    case 'shot': {
      mkdirSync(options.shotsDir, { recursive: true });
      const file = join(options.shotsDir, `${arg}.png`);
      await page.screenshot({ path: file, fullPage: true });
      report.shots.push(file);
      return;
    }
    default:
      throw new Error(`unknown step ${kind}`);
  }
}

async function main() {
  let options;
  let steps;
  try {
    options = parseArgs(process.argv.slice(2));
    steps = JSON.parse(readFileSync(options.steps, 'utf8'));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, error: String(error.message) }));
    return 2;
  }
  const report = { ok: false, user: options.user, reads: [], shots: [], externalRequests: [], pageErrors: [] };
  const ownHost = new URL(options.baseUrl).host;
  const userDataDir = mkdtempSync(join(tmpdir(), 'anzexian-portal-'));
  let context;
  let page;
  let exitCode = 1;
  let current = 'login';
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
      env: { ...process.env, LANGUAGE: options.locale.replace('-', '_') },
      locale: options.locale, timezoneId: options.timezone,
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = context.pages()[0] ?? await context.newPage();
    page.on('request', request => {
      const url = new URL(request.url());
      if (['http:', 'https:'].includes(url.protocol) && url.host !== ownHost) {
        report.externalRequests.push(request.url());
      }
    });
    page.on('pageerror', error => report.pageErrors.push(String(error.message)));
    await page.goto(new URL('/portal/login', options.baseUrl).toString());
    await page.getByLabel('用户名').fill(options.user);
    await page.getByLabel('密码').fill(options.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(url => !url.pathname.startsWith('/portal/login'));
    for (const [index, step] of steps.entries()) {
      current = `step ${index + 1} ${JSON.stringify(step)}`;
      await runStep(page, step, options, report);
    }
    report.ok = true;
    exitCode = 0;
  } catch (error) {
    report.error = `${current}: ${String(error.message || error).split('\n')[0]}`;
  }
  if (!report.ok && page) {
    mkdirSync(options.screenshotDir, { recursive: true });
    const file = join(options.screenshotDir, `portal-${options.user}-${Date.now()}`);
    await page.screenshot({ path: `${file}.png`, fullPage: true }).then(() => { report.screenshot = `${file}.png`; }, () => {});
    await page.content().then(html => writeFileSync(`${file}.html`, html), () => {});
  }
  if (page) {
    report.url = page.url();
  }
  await context?.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
  console.log(JSON.stringify(report));
  return exitCode;
}

process.exitCode = await main();
