// Drives the Camunda Tasklist in Debian's headless Chromium for TasklistBrowserTest.
//
//   node tasklist-check.mjs filters --base-url URL --user U --password P --expect-filter 我的待办 [...]
//     logs in and reports the names in the filter list; ok when every expected filter is listed.
//   node tasklist-check.mjs task --base-url URL --user U --password P --task-id ID --task-name NAME
//       --expect visible|hidden
//     logs in and opens #/?task=ID; "visible": the task's name shows in the task pane;
//     "hidden": the Tasklist reports the task as missing and its name shows nowhere.
//
// Prints one JSON object on stdout; exit 0 when ok, 1 when the check failed, 2 on a harness error.
// A failed or broken run leaves a screenshot in --screenshot-dir (default target/browser).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const STEP_TIMEOUT_MS = 30_000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function parseArgs(argv) {
  const [scenario, ...rest] = argv;
  const options = { scenario, expectFilter: [] };
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const value = rest[i + 1];
    if (value === undefined) {
      throw new Error(`missing value for ${rest[i]}`);
    }
    if (Array.isArray(options[key])) {
      options[key].push(value);
    } else {
      options[key] = value;
    }
  }
  for (const required of ['baseUrl', 'user', 'password']) {
    if (!options[required]) {
      throw new Error(`--${required.replace(/[A-Z]/g, c => '-' + c.toLowerCase())} is required`);
    }
  }
  options.screenshotDir = resolve(options.screenshotDir || 'target/browser');
  return options;
}

function tasklistUrl(baseUrl, hash = '') {
  return `${baseUrl.replace(/\/$/, '')}/camunda/app/tasklist/default/${hash}`;
}

async function logIn(page, options) {
  await page.goto(tasklistUrl(options.baseUrl, '#/login'));
  await page.fill('input[ng-model="username"]', options.user);
  await page.fill('input[type="password"]', options.password);
  await page.click('button[type="submit"]');
  // the filter column exists only for a logged-in user with Tasklist access
  await page.waitForSelector('section.task-filters', { state: 'visible' }).catch(() => {
    throw new Error(`login as '${options.user}' did not reach the Tasklist (wrong password or no Tasklist access?)`);
  });
}

async function filterNames(page) {
  return page.$$eval('section.task-filters .task-filter .name a', links => links.map(link =>
    [...link.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)
      .map(node => node.textContent).join('').trim()));
}

async function checkFilters(page, options) {
  await logIn(page, options);
  const expected = options.expectFilter;
  try {
    await page.waitForFunction(names => {
      const shown = [...document.querySelectorAll('section.task-filters .task-filter .name a')]
        .map(link => link.textContent);
      return names.every(name => shown.some(text => text.includes(name)));
    }, expected, { timeout: STEP_TIMEOUT_MS });
  } catch {
    // fall through: report what the list holds
  }
  const filters = await filterNames(page);
  const missing = expected.filter(name => !filters.includes(name));
  return { ok: missing.length === 0, filters, missing };
}

async function checkTask(page, options) {
  if (!options.taskId || !options.taskName || !['visible', 'hidden'].includes(options.expect)) {
    throw new Error('task needs --task-id, --task-name and --expect visible|hidden');
  }
  await logIn(page, options);
  await page.goto(tasklistUrl(options.baseUrl, `#/?task=${encodeURIComponent(options.taskId)}`));
  const taskPane = page.locator('.task-details');
  const nameInPane = taskPane.getByText(options.taskName, { exact: true }).first();
  const missingNotice = page.locator('.notifications .alert-danger', { hasText: 'does not exist' }).first();
  // the pane settles either on the task or on the Tasklist's "task does not exist" notice
  await Promise.race([
    nameInPane.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }),
    missingNotice.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }),
  ]).catch(() => {});
  const nameShown = await nameInPane.isVisible();
  const missingNoticeShown = await missingNotice.isVisible();
  const nameAnywhere = (await page.locator('body').innerText()).includes(options.taskName);
  const ok = options.expect === 'visible'
    ? nameShown
    : !nameAnywhere && missingNoticeShown;
  return { ok, expect: options.expect, nameShown, nameAnywhere, missingNoticeShown };
}

const SCENARIOS = { filters: checkFilters, task: checkTask };

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (!SCENARIOS[options.scenario]) {
      throw new Error(`unknown scenario '${options.scenario}', expected one of ${Object.keys(SCENARIOS)}`);
    }
  } catch (error) {
    console.log(JSON.stringify({ ok: false, error: String(error.message) }));
    return 2;
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'anzexian-chromium-'));
  let context;
  let page;
  let result;
  let exitCode;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: STEP_TIMEOUT_MS,
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = context.pages()[0] ?? await context.newPage();
    result = await SCENARIOS[options.scenario](page, options);
    exitCode = result.ok ? 0 : 1;
  } catch (error) {
    result = { ok: false, error: String(error.message || error).split('\n')[0] };
    exitCode = 2;
  }
  if (exitCode !== 0 && page) {
    mkdirSync(options.screenshotDir, { recursive: true });
    const file = join(options.screenshotDir, `${options.scenario}-${options.user}-${Date.now()}.png`);
    await page.screenshot({ path: file, fullPage: true }).then(() => { result.screenshot = file; }, () => {});
  }
  result = { scenario: options.scenario, user: options.user, ...result };
  if (page) {
    result.url = page.url();
  }
  await context?.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
  console.log(JSON.stringify(result));
  return exitCode;
}

process.exitCode = await main();
