// Drives the Camunda Tasklist in Debian's headless Chromium for the browser tests (support/TasklistScript).
//
//   node tasklist-check.mjs filters --base-url URL --user U --password P --expect-filter 我的待办 [...]
//     logs in and reports the names in the filter list; ok when every expected filter is listed.
//   node tasklist-check.mjs counts --base-url URL --user U --password P --expect-count 本组待办=2 [...]
//     logs in and reports the number next to each filter; ok when each expected count is shown (#12);
//     --open-filter NAME also opens that filter and reports the text of each task in its list (items) and
//     the variable values a card cuts off (clipped).
//   node tasklist-check.mjs task --base-url URL --user U --password P --task-id ID --task-name NAME
//       --expect visible|hidden
//     logs in and opens #/?task=ID; "visible": the task's name shows in the task pane;
//     "hidden": the Tasklist reports the task as missing and its name shows nowhere. Reports dateEditors:
//     the controls the pane offers to set, move or clear the task's due or follow-up date.
//   node tasklist-check.mjs complete --base-url URL --user U --password P --task-id ID
//       [--field LABEL=VALUE ...]
//     logs in, opens #/?task=ID, claims it if unclaimed, fills the Camunda Form field by field (found by
//     its visible label; text, textarea and number fields take the value, a select or radio group the
//     label of the option, a checkbox true|false) and clicks Complete; ok once the engine accepted the
//     form and the Tasklist closed the task. Reports {ok, claimed, filled: [labels], completed}; a task
//     the user cannot see fails with "task ... not found or not visible".
//     An embedded HTML form (embedded:deployment:forms/x.html) is filled the same way, its fields found by
//     their <label for=…>: text inputs and textareas take the value, a select the option's label, a file
//     input (cam-variable-type="File") the path of the file to upload, a checkbox or radio true|false.
//     A field whose label is @click clicks the form's button with the value as its text (adds a row).
//     --expect-text TEXT (repeatable): before filling, the task pane must show each text (the context of
//     the decision); --shot NAME saves --shots-dir/NAME.png (default target/screenshots) of the filled form.
//   node tasklist-check.mjs start --base-url URL --user U --password P --process-key KEY
//       [--field LABEL=VALUE ...] [--expect-text TEXT ...] [--shot NAME]
//     logs in, opens the start dialog of KEY, fills its form like `complete` and starts the process.
//     Reports {ok, filled, started, businessKey, notices: [success notices shown after the start]}.
//   Both report `layout` of the filled form: the window's and the form's width, the fields wider than the
//   window, the file inputs that open the camera; --device phone runs them in a 375 px touch browser.
//   node tasklist-check.mjs chinese --base-url URL --user U --password P --task-id ID
//       --admin-user A --admin-password B [--locale zh-CN] [--shots-dir DIR]
//     walks the main views of the four webapps: the Tasklist login page (also as an English browser),
//     the task list with task ID open and the start-process dialog as U, then Cockpit, Admin and Welcome
//     as A. On every view no text or placeholder is an English label of the app's 7.24 en.json nor one of
//     ENGLISH_UI_WORDS, the Camunda 8 banner is not shown, the title and header carry our name and emblem.
//     Reports {ok, views: [{view, english, banner, title, emblem, footer}]}; a screenshot per view in DIR
//     (default target/screenshots) (#12).
//   node tasklist-check.mjs start-form --base-url URL --user U --password P --process-key KEY
//       [--openings N] [--expect-text TEXT ...]
//     logs in and opens the process's start form N times (default 1) by the Tasklist's link
//     #/?processStart=KEY, closing it each time; each opening waits until the form shows every expected
//     text (what it loads from /api) and asks the server whose session the page holds. Reports {ok,
//     opened, incomplete, loggedOut: [opening numbers], api: {calls, failed, setSessionCookie}, screenshots
//     (of the first and the last opening)}; ok when every opening showed its texts with the user still
//     logged in, and every /api answer was a success that set no session cookie.
//
//   node tasklist-check.mjs cockpit --base-url URL --user U --password P --definition-id ID [--shot NAME]
//       [--search TEXT] [--instance-id ID]
//     logs into Cockpit and opens the definition's runtime view; reports the instance badges on the
//     diagram, the rows of Cockpit's instance list (tab 流程实例) and of our tab 业务信息 (caseRows: number,
//     case summary, version, start, state), with --search TEXT also the rows found by that text
//     (searchRows); with --instance-id also what that instance's page shows under 业务信息 (caseFacts) (#13).
//   node tasklist-check.mjs cockpit-migrate --base-url URL --user U --password P --definition-id ID
//       [--expect-text TEXT ...] [--migrate-instance ID ...] [--map ACTIVITY=TARGET ...] [--shot NAME]
//     opens the definition's tab 版本迁移 (the migration dry run) and reports its state (ready, refused: not
//     the user's to migrate, error), its text, per source version the instances offered (checked,
//     disabled) and the migrate buttons shown; every --expect-text must show. With --migrate-instance it
//     ticks exactly those instances (in their version's section) — after choosing, per --map, the new
//     version's activity for an activity it lacks —, clicks the migrate button and reports
//     the outcome shown (ok|refused and its text). ok when the tab loaded (ready or refused), every text
//     showed and a requested migration was accepted (#13). Both report `english`: the English labels and words
//     shown on the page with our tab open (see `chinese`).
//
// Prints one JSON object on stdout; exit 0 when ok, 1 when the check failed, 2 on a harness error.
// A failed or broken run leaves a screenshot and the page's HTML in --screenshot-dir (default target/browser).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const STEP_TIMEOUT_MS = 30_000;
/** form-js's input debounce (300 ms) and a margin. */
const FORM_JS_DEBOUNCE_MS = 400;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--lang=zh-CN',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function parseArgs(argv) {
  const [scenario, ...rest] = argv;
  const options = { scenario, expectFilter: [], expectText: [], expectCount: [], field: [], migrateInstance: [], map: [] };
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
  options.shotsDir = resolve(options.shotsDir || 'target/screenshots');
  return options;
}

function tasklistUrl(baseUrl, hash = '') {
  return `${baseUrl.replace(/\/$/, '')}/camunda/app/tasklist/default/${hash}`;
}

/**
 * Loads the Tasklist page until its scripts run. Camunda 7.24 keeps the CSP nonce in one servlet-context
 * attribute that every response overwrites, so a page served while other requests of the webapp are in
 * flight can carry another response's nonce than its header: Chromium then blocks every script and the
 * page stays blank (a spinner).
 */
async function loadTasklist(page, load, running) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await load();
    await page.waitForLoadState('networkidle');
    if (await running.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) {
      return;
    }
  }
  throw new Error('the Tasklist page did not start (scripts blocked?) in 3 attempts');
}

/**
 * Logs in and makes sure the session stays logged in. The webapps replace the session at login; a
 * response to a request that was still under way with the old session can arrive after the login's and
 * set a fresh, anonymous session cookie, and the Tasklist then answers the next 401 by logging out
 * (under load, now and then). So once the page has settled, ask the server whose session this is, and
 * log in again when it is nobody's.
 */
async function logIn(page, options) {
  for (let attempt = 1; ; attempt++) {
    await logInOnce(page, options);
    await page.waitForLoadState('networkidle');
    if (await sessionUser(page) === options.user) {
      return;
    }
    if (attempt === 3) {
      throw new Error(`the session of '${options.user}' did not stay logged in after 3 logins`);
    }
  }
}

/** Whom the server takes the page's session for: the webapps' logged-in user, or null. */
async function sessionUser(page) {
  return page.evaluate(async () => {
    const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
    return response.ok ? (await response.json()).userId : null;
  });
}

async function logInOnce(page, options) {
  const username = page.locator('input[ng-model="username"]');
  // the login view is rendered by Angular after load; typing before it settled loses keystrokes
  await loadTasklist(page, () => page.goto(tasklistUrl(options.baseUrl, '#/login')), username);
  const password = page.locator('input[type="password"]');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await username.fill(options.user);
    await password.fill(options.password);
    if (await username.inputValue() === options.user && await password.inputValue() === options.password) {
      break;
    }
  }
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
  // the header's actions a person can see (发起流程, not 新建任务: #12)
  const navbarActions = (await page.locator('li[ng-repeat="actionProvider in navbarActions"]').evaluateAll(items =>
    items.filter(item => item.offsetParent !== null).map(item => item.innerText.trim()))).filter(Boolean);
  return { ok: missing.length === 0, filters, missing, navbarActions };
}

/**
 * Logs in and opens the task; the pane settles either on the task (shownInPane turns visible) or on the
 * Tasklist's "task does not exist" notice, which is also what a user without access to the task gets.
 */
async function openTask(page, options, shownInPane) {
  await logIn(page, options);
  await page.goto(tasklistUrl(options.baseUrl, `#/?task=${encodeURIComponent(options.taskId)}`));
  // TASK_NOT_EXIST of our zh.json (#12)
  const missingNotice = page.locator('.notifications .alert-danger', { hasText: '该任务已不存在' }).first();
  await Promise.race([
    shownInPane.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }),
    missingNotice.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }),
  ]).catch(() => {});
  return { shown: await shownInPane.isVisible(), missingNoticeShown: await missingNotice.isVisible() };
}

async function checkTask(page, options) {
  if (!options.taskId || !options.taskName || !['visible', 'hidden'].includes(options.expect)) {
    throw new Error('task needs --task-id, --task-name and --expect visible|hidden');
  }
  const nameInPane = page.locator('.task-details').getByText(options.taskName, { exact: true }).first();
  const { shown: nameShown, missingNoticeShown } = await openTask(page, options, nameInPane);
  const nameAnywhere = (await page.locator('body').innerText()).includes(options.taskName);
  const ok = options.expect === 'visible'
    ? nameShown
    : !nameAnywhere && missingNoticeShown;
  // what the task pane offers to change of the task's dates (#12: nothing; our code sets the due date)
  const dateEditors = await page.$$eval(
    '.task-details .followup-date, .task-details .reset-due-date, .task-details a[translate="SET_DUE_DATE"], '
    + '.task-details .due-date .view-value',
    elements => elements.filter(element => element.checkVisibility()
      && (element.matches('.view-value') ? getComputedStyle(element).pointerEvents !== 'none' : true))
      .map(element => element.className || element.textContent.trim()));
  return { ok, expect: options.expect, nameShown, nameAnywhere, missingNoticeShown, dateEditors };
}

async function completeTask(page, options) {
  if (!options.taskId) {
    throw new Error('complete needs --task-id (and --field LABEL=VALUE per form field to fill)');
  }
  const fields = fieldSpecs(options);
  const report = { claimed: false, filled: [], completed: false };
  const taskTitle = page.locator('.task-details .names h2.task');
  const { shown, missingNoticeShown } = await openTask(page, options, taskTitle);
  if (!shown) {
    return { ok: false, ...report, missingNoticeShown,
      error: `task ${options.taskId} not found or not visible to '${options.user}'` };
  }
  try {
    report.claimed = await claimIfUnclaimed(page);
    await page.waitForLoadState('networkidle');
    await requireTexts(page, '.task-details', options.expectText);
    for (const [label, value] of fields) {
      await fillField(page, label, value);
      report.filled.push(label);
    }
    await requireTypedValues(page, fields);
    report.layout = await layout(page);
    report.shot = await shoot(page, options);
    await submitForm(page, options.taskId);
    report.completed = true;
    return { ok: true, ...report };
  } catch (error) {
    return { ok: false, ...report, error: String(error.message || error).split('\n')[0] };
  }
}

/** The --field LABEL=VALUE options as [label, value] pairs, in the order given. */
function fieldSpecs(options) {
  return options.field.map(option => {
    const at = option.indexOf('=');
    if (at < 1) {
      throw new Error(`--field '${option}' is not LABEL=VALUE`);
    }
    return [option.slice(0, at), option.slice(at + 1)];
  });
}

/**
 * Waits until the part of the page under `root` shows every text (what a person needs on screen to
 * decide: the project, the amounts, the evidence); fails naming the texts that never showed.
 */
async function requireTexts(page, root, texts) {
  if (!texts.length) {
    return;
  }
  const shown = await page.waitForFunction(([selector, wanted]) => {
    const text = document.querySelector(selector)?.innerText ?? '';
    return wanted.every(one => text.includes(one));
  }, [root, texts], { timeout: STEP_TIMEOUT_MS }).then(() => true, () => false);
  if (!shown) {
    const text = await page.locator(root).first().innerText().catch(() => '');
    const missing = texts.filter(one => !text.includes(one));
    throw new Error(`the page does not show: ${missing.join(' | ')} (it shows: ${oneLine(text).slice(0, 600)})`);
  }
}

/**
 * How the form sits in the window (#12, phones on site): whether any field or the form itself is wider
 * than the window, and which file inputs open the camera.
 */
async function layout(page) {
  return page.evaluate(root => {
    // the form with the fields: an embedded form's, or form-js's
    const form = document.querySelector(`${root} form [cam-variable-name]`)?.closest('form')
      ?? document.querySelector(`${root} .fjs-form`) ?? document.querySelector(root);
    const width = window.innerWidth;
    const tooWide = [...form.querySelectorAll('input, select, textarea, label')]
      .filter(element => element.getBoundingClientRect().right > width + 1 && element.checkVisibility())
      .map(element => element.id || element.getAttribute('for') || element.tagName);
    return {
      windowWidth: width,
      formWidth: Math.round(form.getBoundingClientRect().width),
      tooWide,
      cameraInputs: [...form.querySelectorAll('input[type="file"][capture]')].map(input => input.id),
    };
  }, FORM_ROOT);
}

/** Saves a screenshot of the whole page as --shots-dir/NAME.png when --shot NAME is given; its path. */
async function shoot(page, options) {
  if (!options.shot) {
    return undefined;
  }
  mkdirSync(options.shotsDir, { recursive: true });
  const file = join(options.shotsDir, `${options.shot}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Clicks the button (or link) of the form whose text reads `text`, e.g. one that adds a repeatable row. */
async function clickButton(page, text) {
  const button = page.locator(`${FORM_ROOT} form`).getByRole('button', { name: text, exact: true })
    .or(page.locator(`${FORM_ROOT} form`).getByRole('link', { name: text, exact: true })).first();
  if (await button.count() === 0) {
    throw new Error(`the form has no button '${text}'`);
  }
  await button.click();
}

/** Claims the task when the pane offers the claim control; false when it is assigned already. */
async function claimIfUnclaimed(page) {
  // ng-click and class are the same in every locale; the button's text is translated
  const claim = page.locator('.task-details [ng-click="claim()"]');
  const assignee = page.locator('.task-details li.assignee');
  await claim.or(assignee).first().waitFor({ state: 'visible' }).catch(() => {
    throw new Error('the task pane shows neither the claim control nor an assignee');
  });
  if (!await claim.isVisible()) {
    return false;
  }
  const notice = page.locator('.notifications .alert-danger').first();
  await claim.click();
  const refused = await Promise.race([
    assignee.waitFor({ state: 'visible' }).then(() => null),
    notice.waitFor({ state: 'visible' }).then(() => notice.innerText()),
  ]).catch(() => {
    throw new Error('claiming the task did not make the user its assignee');
  });
  if (refused !== null) {
    throw new Error(`claiming was refused | shown: ${oneLine(refused)}`);
  }
  // after a claim the Tasklist reloads the task and may render its form afresh, dropping what was
  // typed meanwhile: start from a settled page
  await loadTasklist(page, () => page.reload(), assignee);
  return true;
}

function exactText(text) {
  // a required field's label ends with form-js's asterisk
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);
}

/** Text as one line, without a notice's close mark or a required label's asterisk. */
function oneLine(text) {
  return text.replace(/×/g, '').replace(/\s+/g, ' ').trim().replace(/\s*\*$/, '');
}

/** The field's own label; the labels of a radio group's options follow it. */
const FIELD_LABEL = ':scope > label.fjs-form-field-label:first-child';

/**
 * Where the form is: the task pane, or the start dialog (`start`). A Camunda Form (form-js) field, or a
 * field of an embedded HTML form (one with cam-variable-name inputs).
 */
let FORM_ROOT = '.task-details';
const formJsFields = () => `${FORM_ROOT} .fjs-form .fjs-form-field`;
const embeddedFields = () => `${FORM_ROOT} form [cam-variable-name]`;

/** Fills the field labelled `label` of the form the task pane shows, a Camunda Form or an embedded one. */
async function fillField(page, label, value) {
  if (label === '@click') {
    await clickButton(page, value);
    return;
  }
  const anyField = page.locator(formJsFields()).or(page.locator(embeddedFields())).first();
  await anyField.waitFor({ state: 'visible' }).catch(() => {
    throw new Error('the task pane shows no form');
  });
  if (await page.locator(formJsFields()).count() === 0) {
    await fillEmbeddedField(page, label, value);
    return;
  }
  await fillFormJsField(page, label, value);
}

/**
 * Fills the embedded form's input whose <label for=…> reads `label`. A file input takes a path: the
 * Tasklist reads the file in the browser and posts it with the form (base64), so wait until it has.
 */
async function fillEmbeddedField(page, label, value) {
  const labels = page.locator(`${FORM_ROOT} form label`);
  const match = labels.filter({ hasText: exactText(label) }).first();
  if (await match.count() === 0) {
    throw new Error(`no form field labelled '${label}' (the form shows: ${(await labels.allInnerTexts()).map(oneLine).join(', ')})`);
  }
  const id = await match.getAttribute('for');
  const input = page.locator(`${FORM_ROOT} form [id="${id}"]`);
  if (!id || await input.count() === 0) {
    throw new Error(`the label '${label}' names no input (for="${id}")`);
  }
  const kind = await input.evaluate(element => element.tagName === 'INPUT' ? element.type : element.tagName.toLowerCase());
  switch (kind) {
    case 'file':
      await input.setInputFiles(resolve(value));
      await page.waitForTimeout(FORM_JS_DEBOUNCE_MS);
      return;
    case 'select':
      await input.selectOption({ label: value });
      return;
    case 'checkbox':
    case 'radio':
      await input.setChecked(value === 'true');
      return;
    default:
      await input.fill(value);
      await input.blur();
  }
}

/** Fills the form-js field whose own label reads `label`, by the kind of field form-js rendered. */
async function fillFormJsField(page, label, value) {
  const fields = page.locator(formJsFields());
  const field = fields.filter({ has: page.locator(FIELD_LABEL, { hasText: exactText(label) }) }).first();
  if (await field.count() === 0) {
    const labels = await fields.locator(FIELD_LABEL).allInnerTexts();
    throw new Error(`no form field labelled '${label}' (the form shows: ${labels.map(oneLine).join(', ')})`);
  }
  const type = await field.evaluate(element =>
    [...element.classList].map(name => /^fjs-form-field-(\w+)$/.exec(name)?.[1]).find(Boolean));
  const what = `${type} field '${label}'`;
  const noOption = async options => new Error(
    `${what} has no option '${value}' (offers: ${(await options.allInnerTexts()).map(oneLine).join(', ')})`);
  switch (type) {
    case 'textfield':
    case 'textarea':
    case 'number': {
      // form-js takes typed text in only after a debounce or on blur; a re-render meanwhile (another
      // field changed) puts the old value back: hand the text over now, and let the debounce run out
      // too, as the blur alone sometimes leaves a textarea's text uncommitted
      const input = field.locator('input, textarea').first();
      await input.fill(value);
      await input.blur();
      await page.waitForTimeout(FORM_JS_DEBOUNCE_MS);
      return;
    }
    case 'select': {
      await field.locator('.fjs-input-group').click();
      const options = field.locator('.fjs-dropdownlist-item');
      await options.first().waitFor({ state: 'visible' });
      const option = options.filter({ hasText: exactText(value) }).first();
      if (await option.count() === 0) {
        throw await noOption(options);
      }
      await option.click();
      return;
    }
    case 'radio': {
      const option = field.getByLabel(value, { exact: true });
      if (await option.count() === 0) {
        throw await noOption(field.locator('label.fjs-form-field-label:not(:first-child)'));
      }
      await checkRadio(page, option, what);
      return;
    }
    case 'checkbox':
      if (!['true', 'false'].includes(value)) {
        throw new Error(`${what} takes true or false, not '${value}'`);
      }
      await field.locator('input[type="checkbox"]').setChecked(value === 'true');
      return;
    default:
      throw new Error(`${what}: the harness cannot fill this kind of field`);
  }
}

/** Fails when a typed-in field no longer shows its value (a re-render dropped it) rather than submit less. */
async function requireTypedValues(page, fields) {
  const lost = [];
  for (const [label, value] of fields) {
    const input = page.locator(`${FORM_ROOT} .fjs-form`)
      .locator('.fjs-form-field-textfield, .fjs-form-field-textarea, .fjs-form-field-number')
      .filter({ has: page.locator(FIELD_LABEL, { hasText: exactText(label) }) }).first()
      .locator('input, textarea').first();
    if (await input.count() === 1 && await input.inputValue() !== value) {
      lost.push(`${label}: '${await input.inputValue()}'`);
    }
  }
  if (lost.length) {
    throw new Error(`the form lost typed values before Complete (${lost.join('; ')})`);
  }
}

/**
 * Selects a radio option. form-js re-renders the group on every change, so a click can land on an
 * element that is being replaced: click again until the option reports itself checked.
 */
async function checkRadio(page, option, what) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await option.click({ force: attempt > 1 });
    const checked = await page.waitForFunction(element => element.checked, await option.elementHandle(),
      { timeout: 2_000 }).then(() => true, () => false);
    if (checked) {
      return;
    }
  }
  throw new Error(`${what}: the option does not stay selected`);
}

/** What form-js says is wrong, as "label: message" per field. */
async function formErrors(page) {
  const errors = await page.locator(`${FORM_ROOT} .fjs-form-field.fjs-has-errors`).evaluateAll(fields =>
    fields.map(field => [field.querySelector('label')?.innerText ?? '?',
      field.querySelector('.fjs-form-field-error')?.innerText ?? '']));
  return errors.map(([label, message]) => `${oneLine(label)}: ${oneLine(message)}`);
}

/** Clicks Complete and waits until the engine accepted the form and the Tasklist closed the task. */
async function submitForm(page, taskId) {
  const complete = page.locator('.task-details .form-actions button[ng-click="complete()"]');
  await complete.waitFor({ state: 'visible' });
  if (await complete.isDisabled()) {
    throw new Error(`the Complete button is disabled (not the assignee, or the form is invalid: ${
      (await formErrors(page)).join('; ')})`);
  }
  // a field that still has the focus re-renders when the Complete click blurs it (a textarea resizes),
  // moving the button between mousedown and mouseup so that the click is lost: blur first, let it settle
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => new Promise(settled => requestAnimationFrame(() => requestAnimationFrame(settled))));
  const submitted = page.waitForResponse(response => response.request().method() === 'POST'
    && response.url().includes(`/task/${encodeURIComponent(taskId)}/submit-form`));
  // form-js validates before anything is sent; a refused form leaves an error notice instead
  const notice = page.locator('.notifications .alert-danger').first();
  const refused = notice.waitFor({ state: 'visible' }).then(async () => {
    throw new Error(`completing failed: ${oneLine(await notice.innerText())}; ${(await formErrors(page)).join('; ')}`);
  });
  await complete.click();
  const response = await Promise.race([submitted, refused]);
  refused.catch(() => {}); // the notice of a refused answer is read below
  if (!response.ok()) {
    // what the person sees: the Tasklist's notice with the server's reason
    const shown = await notice.waitFor({ state: 'visible', timeout: 10000 })
      .then(() => notice.innerText()).catch(() => '(no notice shown)');
    throw new Error(`the engine refused the form: HTTP ${response.status()} ${oneLine(await response.text())}`
      + ` | shown: ${oneLine(shown)}`);
  }
  await page.waitForURL(url => !new URL(url).hash.includes('task='));
}

/** English words of the webapps people met before #12; none may show on a main view. */
const ENGLISH_UI_WORDS = ['Start process', 'Create task', 'Claim', 'Add Comment', 'Log in', 'Filter', 'Filters',
  'Processes', 'Dashboard', 'Users', 'Groups', 'Tasklist', 'Cockpit', 'Admin', 'Welcome', 'Decisions',
  'Deployments', 'Batches', 'Incidents', 'Tasks', 'Log out', 'Sign out', 'My profile', 'Username', 'Password',
  'Applications', 'Authorizations', 'Tenants', 'System', 'Human Tasks', 'Running Process Instances',
  // form-js's own texts in a Camunda Form
  'Select', 'Search', 'Field is required'];
const SYSTEM_NAME = '安责险业务系统';

function webappUrl(baseUrl, app, hash) {
  return `${baseUrl.replace(/\/$/, '')}/camunda/app/${app}/default/${hash}`;
}

/** Opens a view of a webapp until its header runs (see loadTasklist on blank pages) and Angular settled. */
async function openView(page, baseUrl, app, hash) {
  const url = webappUrl(baseUrl, app, hash);
  // a second attempt at the same address reloads: going to it again only changes the hash, loading nothing
  await loadTasklist(page, () => (page.url() === url ? page.reload() : page.goto(url)),
    page.locator('[cam-widget-header] .navbar-header').first());
  await page.waitForFunction(() => !document.querySelector('.app-splash, .spinner-big'), null,
    { timeout: STEP_TIMEOUT_MS }).catch(() => {});
  await page.waitForLoadState('networkidle');
}

/** What the view shows that is not ours: English labels and words, the banner; and whether ours is there. */
async function inspectView(page, app, view, options) {
  const found = await page.evaluate(async ({ app, words, systemName }) => {
    const response = await fetch(`/camunda/app/${app}/locales/en.json`, { credentials: 'same-origin' });
    const english = JSON.parse((await response.text()).replace(/^\uFEFF/, '')).labels;
    // labels Chinese writes the same (ID, CSV, JSON, <=) or that need a value filled in are left out
    const labels = new Set(Object.values(english).map(value => value.trim())
      .filter(value => /[A-Za-z]{3,}/.test(value) && !value.includes('{{')));
    const wordPatterns = words.map(word => [word, new RegExp(`(^|[^A-Za-z])${word}([^A-Za-z]|$)`)]);
    const shown = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && node.parentElement?.checkVisibility({ visibilityProperty: true })
          && !node.parentElement.closest('script, style')) {
        shown.push(text);
      }
    }
    for (const element of document.querySelectorAll('[placeholder], [title]')) {
      if (element.checkVisibility({ visibilityProperty: true })) {
        shown.push(...['placeholder', 'title'].map(name => element.getAttribute(name)?.trim()).filter(Boolean));
      }
    }
    const englishShown = [...new Set(shown.filter(text => labels.has(text)
      || wordPatterns.some(([, pattern]) => pattern.test(text))))];
    const banner = [...document.querySelectorAll('.ce-eol-banner')].some(element => element.checkVisibility())
      || document.body.innerText.includes('Camunda 8');
    const logo = document.querySelector('[cam-widget-header] .brand-logo, .login-logo');
    const camundaLogoShown = [...document.querySelectorAll('.brand-logo svg, .login-logo svg')]
      .some(element => element.checkVisibility());
    const emblem = !!logo && getComputedStyle(logo).backgroundImage.includes('emblem.svg') && !camundaLogoShown;
    const brand = document.querySelector('[cam-widget-header] .brand-name')?.textContent.trim() ?? '';
    const loginName = document.querySelector('.login-header .app-name');
    const loginBrand = loginName ? getComputedStyle(loginName, '::before').content.replace(/"/g, '') : '';
    const footer = document.querySelector('footer')?.innerText.trim() ?? null;
    return { english: englishShown, banner, emblem, footer, title: document.title,
      named: brand.startsWith(systemName) || loginBrand === systemName };
  }, { app, words: ENGLISH_UI_WORDS, systemName: SYSTEM_NAME });
  mkdirSync(options.shotsDir, { recursive: true });
  const screenshot = join(options.shotsDir, `${view}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  const ok = found.english.length === 0 && !found.banner && found.emblem && found.named
    && found.title.startsWith(SYSTEM_NAME);
  return { view, ok, ...found, screenshot };
}

async function checkChinese(page, options) {
  if (!options.taskId || !options.adminUser || !options.adminPassword) {
    throw new Error('chinese needs --task-id, --admin-user and --admin-password');
  }
  options.shotsDir = resolve(options.shotsDir || 'target/screenshots');
  const views = [];
  const username = page.locator('input[ng-model="username"]');

  // an English browser gets Chinese too: the webapps pick the browser's language only among availableLocales
  const englishPage = await page.context().newPage();
  await englishPage.addInitScript(() => {
    Object.defineProperty(navigator, 'language', { get: () => 'en-US' });
    Object.defineProperty(navigator, 'languages', { get: () => ['en-US', 'en'] });
  });
  await loadTasklist(englishPage, () => englishPage.goto(tasklistUrl(options.baseUrl, '#/login')),
    englishPage.locator('input[ng-model="username"]'));
  views.push(await inspectView(englishPage, 'tasklist', 'tasklist-login-english-browser', options));
  await englishPage.close();

  await loadTasklist(page, () => page.goto(tasklistUrl(options.baseUrl, '#/login')), username);
  views.push(await inspectView(page, 'tasklist', 'tasklist-login', options));

  await logIn(page, options);
  await openView(page, options.baseUrl, 'tasklist', `#/?task=${encodeURIComponent(options.taskId)}`);
  await page.locator('.task-details [ng-click="claim()"], .task-details li.assignee').first().waitFor();
  await page.locator('.task-details .fjs-container').first().waitFor().catch(() => {});
  views.push(await inspectView(page, 'tasklist', 'tasklist-task', options));
  await page.locator('li.start-process-action a').click();
  // the dialog lists the processes once loaded
  await page.locator('.modal-body [ng-click^="selectProcessDefinition"]').first().waitFor();
  views.push(await inspectView(page, 'tasklist', 'tasklist-start-process', options));
  await page.keyboard.press('Escape');

  await page.context().clearCookies();
  await page.goto('about:blank');
  await logIn(page, { ...options, user: options.adminUser, password: options.adminPassword });
  for (const [app, hash, view] of [
    ['tasklist', '#/', 'tasklist-admin'],
    ['cockpit', '#/dashboard', 'cockpit-dashboard'],
    ['cockpit', '#/processes', 'cockpit-processes'],
    ['cockpit', '#/decisions', 'cockpit-decisions'],
    ['cockpit', '#/tasks', 'cockpit-tasks'],
    ['cockpit', '#/repository', 'cockpit-deployments'],
    ['cockpit', '#/batch', 'cockpit-batches'],
    ['admin', '#/users', 'admin-users'],
    ['admin', '#/groups', 'admin-groups'],
    ['admin', '#/tenants', 'admin-tenants'],
    ['admin', '#/authorization?resource=0', 'admin-authorizations'],
    ['admin', '#/system?section=system-settings-general', 'admin-system'],
    ['welcome', '#!/welcome', 'welcome'],
  ]) {
    await openView(page, options.baseUrl, app, hash);
    views.push(await inspectView(page, app, view, options));
  }
  return { ok: views.every(view => view.ok), views };
}




/**
 * Watches the answers of our /api: how many came, which failed, which set a session cookie (an /api
 * call must leave the Tasklist's session alone, #12). `settled()` waits for the headers still being read.
 */
function watchApi(page) {
  const api = { calls: 0, failed: [], setSessionCookie: [] };
  const reading = [];
  page.on('response', response => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) {
      return;
    }
    api.calls++;
    if (!response.ok()) {
      api.failed.push(`${response.status()} ${response.url()}`);
    }
    reading.push(response.headerValue('set-cookie').then(cookies => {
      if (/(^|\n)JSESSIONID=/.test(cookies ?? '')) {
        api.setSessionCookie.push(response.url());
      }
    }, () => {}));
  });
  return { api, settled: () => Promise.all(reading) };
}

/**
 * Opens the start form of --process-key --openings times, each through the Tasklist's own link
 * #/?processStart=KEY and closed again with the dialog's close button, and checks after each opening
 * that the form shows every --expect-text (what it loaded from /api) and the session is still the user's.
 * Stops at the first opening that finds the user logged out.
 */
async function openStartForm(page, options) {
  if (!options.processKey) {
    throw new Error('start-form needs --process-key (and --expect-text per text the loaded form shows)');
  }
  const openings = Number(options.openings || 1);
  const { api, settled } = watchApi(page);
  await logIn(page, options);
  const modal = page.locator('.modal-dialog');
  const form = modal.locator('.injected-form-wrapper form');
  const report = { opened: 0, incomplete: [], loggedOut: [], screenshots: [] };
  for (let opening = 1; opening <= openings; opening++) {
    await page.goto(tasklistUrl(options.baseUrl, `#/?processStart=${encodeURIComponent(options.processKey)}`));
    const complete = await form.waitFor({ state: 'visible' })
      .then(() => page.waitForFunction(texts => {
        const shown = document.querySelector('.modal-dialog .injected-form-wrapper form')?.innerText ?? '';
        return texts.every(text => shown.includes(text));
      }, options.expectText))
      .then(() => true, () => false);
    await page.waitForLoadState('networkidle');
    report.opened = opening;
    if (!complete) {
      report.incomplete.push(opening);
    }
    if (opening === 1 || opening === openings) {
      mkdirSync(options.screenshotDir, { recursive: true });
      const file = join(options.screenshotDir, `start-form-${options.processKey}-${options.user}-${opening}.png`);
      await page.screenshot({ path: file });
      report.screenshots.push(file);
    }
    if (new URL(page.url()).hash.startsWith('#/login') || await sessionUser(page) !== options.user) {
      report.loggedOut.push(opening);
      break;
    }
    await modal.locator('.modal-footer button[ng-click="$dismiss()"]').click();
    await modal.waitFor({ state: 'hidden' });
  }
  await settled();
  const ok = report.opened === openings && report.incomplete.length === 0 && report.loggedOut.length === 0
    && api.failed.length === 0 && api.setSessionCookie.length === 0;
  return { ok, ...report, api };
}

/**
 * Starts --process-key in the Tasklist's start dialog as a person does: opens it by #/?processStart=KEY,
 * waits for every --expect-text, fills the --field values (as `complete` does), clicks the start button
 * and waits for the engine's answer. Reports {ok, filled, notices: [texts of the success notices shown],
 * businessKey (of the started instance, from the engine's answer)}; a refused start reports what the
 * dialog and the notices showed.
 */
async function startProcess(page, options) {
  if (!options.processKey) {
    throw new Error('start needs --process-key (and --field LABEL=VALUE per form field to fill)');
  }
  const fields = fieldSpecs(options);
  const report = { filled: [], started: false };
  await logIn(page, options);
  await page.goto(tasklistUrl(options.baseUrl, `#/?processStart=${encodeURIComponent(options.processKey)}`));
  FORM_ROOT = '.modal-dialog';
  const start = page.locator('.modal-dialog .modal-footer button[ng-click="startProcessInstance()"]');
  try {
    await page.locator('.modal-dialog .fjs-form, .modal-dialog .injected-form-wrapper form').first()
      .waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    await requireTexts(page, '.modal-dialog', options.expectText);
    for (const [label, value] of fields) {
      await fillField(page, label, value);
      report.filled.push(label);
    }
    await requireTypedValues(page, fields);
    report.layout = await layout(page);
    report.shot = await shoot(page, options);
    await page.evaluate(() => document.activeElement?.blur());
    if (await start.isDisabled()) {
      throw new Error(`the start button is disabled (the form is invalid: ${(await formErrors(page)).join('; ')})`);
    }
    const answered = page.waitForResponse(response => response.request().method() === 'POST'
      && /\/process-definition\/[^/]+\/(submit-form|start)$/.test(new URL(response.url()).pathname));
    await start.click();
    const response = await answered;
    if (!response.ok()) {
      const notice = page.locator('.notifications .alert-danger').first();
      const shown = await notice.waitFor({ state: 'visible', timeout: 10_000 })
        .then(() => notice.innerText()).catch(() => '(no notice shown)');
      return { ok: false, ...report, status: response.status(), shown: oneLine(shown),
        error: `the engine refused the start: HTTP ${response.status()}` };
    }
    report.started = true;
    report.businessKey = (await response.json()).businessKey ?? null;
    await page.locator('.modal-dialog').waitFor({ state: 'hidden' });
    const notices = page.locator('.notifications .alert:not(.alert-danger)');
    await notices.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    // our notice with the case number follows the Tasklist's own one once the dialog has closed
    await page.locator('.notifications .alert:not(.alert-danger)', { hasText: '编号' }).first()
      .waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    report.notices = (await notices.allInnerTexts()).map(oneLine);
    report.afterShot = options.shot ? await shoot(page, { ...options, shot: `${options.shot}-started` }) : undefined;
    return { ok: true, ...report };
  } catch (error) {
    return { ok: false, ...report, error: String(error.message || error).split('\n')[0] };
  } finally {
    FORM_ROOT = '.task-details';
  }
}

/** What each filter shows: its name and its visible counter(s). */
async function shownCounts(page) {
  return page.$$eval('section.task-filters .task-filter .name a', links => Object.fromEntries(links.map(link => [
    [...link.childNodes].filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.textContent).join('').trim(),
    [...link.querySelectorAll('.counter')].filter(counter => counter.offsetParent !== null)
      .map(counter => counter.textContent.trim()).join(' '),
  ])));
}

/**
 * The number shown next to each filter, selected or not (#12): waits until every --expect-count name=n is
 * shown, then reports what each filter shows.
 */
async function checkFilterCounts(page, options) {
  await logIn(page, options);
  const expected = Object.fromEntries(options.expectCount.map(pair => pair.split('=')));
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let counts;
  let wrong;
  for (;;) {
    counts = await shownCounts(page);
    wrong = Object.keys(expected).filter(name => counts[name] !== expected[name]);
    if (wrong.length === 0 || Date.now() > deadline) {
      break;
    }
    await page.waitForTimeout(250);
  }
  // --open-filter NAME: what the list shows of each task of that filter (name, case summary, due date)
  let items;
  let clipped;
  if (options.openFilter) {
    await page.locator('section.task-filters .task-filter .name a', { hasText: options.openFilter }).first().click();
    const cards = page.locator('.tasks-list li.task');
    await cards.first().waitFor({ state: 'visible' }).catch(() => {});
    await page.waitForLoadState('networkidle');
    items = (await cards.allInnerTexts()).map(oneLine);
    // a value cut off behind "…" (#12: the case summary shows in full)
    clipped = await cards.locator('.variable-value').evaluateAll(values => values.filter(value => {
      const range = document.createRange();
      range.selectNodeContents(value);
      const text = range.getBoundingClientRect();
      for (let box = value; box && !box.matches('li.task'); box = box.parentElement) {
        const style = getComputedStyle(box);
        const edge = box.getBoundingClientRect();
        if ((style.overflowX !== 'visible' && text.right > edge.right + 1)
            || (style.overflowY !== 'visible' && text.bottom > edge.bottom + 1)
            || (style.textOverflow === 'ellipsis' && box.scrollWidth > box.clientWidth + 1)) {
          return true;
        }
      }
      return false;
    }).map(value => value.textContent.trim()));
  }
  const shot = await shoot(page, options);
  return { ok: wrong.length === 0, counts, wrong, items, clipped, shot };
}

/**
 * Cockpit's runtime view of a process definition (--definition-id) as the user (#13): logs into Cockpit,
 * waits for the diagram's instance badges, and reports {badges: [{activity, count}], instanceRows: [the
 * rows' text of Cockpit's list], caseRows: [of our 业务信息 tab], searchRows, caseFacts, shot}; ok when at
 * least one badge, one instance row and one case row show.
 */
async function cockpitDefinition(page, options) {
  await openCockpitDefinition(page, options);
  const badge = page.locator('.djs-overlay .instances-overlay .badge.instance-count');
  const shown = await badge.first().waitFor({ state: 'visible' }).then(() => true, () => false);
  const badges = await badge.evaluateAll(elements => elements.map(element => ({
    activity: element.closest('[data-container-id]')?.getAttribute('data-container-id') ?? null,
    count: Number(element.textContent.trim()),
  })));
  await openCockpitTab(page, '流程实例');
  await page.locator('.ctn-tabbed-content table tbody tr').first().waitFor({ state: 'visible' }).catch(() => {});
  await page.waitForLoadState('networkidle');
  const instanceRows = (await page.locator('.ctn-tabbed-content table tbody tr').allInnerTexts()).map(oneLine);
  await openCockpitTab(page, '业务信息');
  const caseRows = await caseListRows(page);
  const shot = await shoot(page, options);
  // no English on the page with our tab open (#12): Cockpit's labels and ENGLISH_UI_WORDS
  const english = (await inspectView(page, 'cockpit', `${options.shot ?? 'cockpit-definition'}-language`, options)).english;
  let searchRows;
  if (options.search) {
    await page.locator('.anzexian-cases-search input[type="search"]').fill(options.search);
    await page.locator('.anzexian-cases-search button[type="submit"]').click();
    searchRows = await caseListRows(page);
  }
  let caseFacts;
  if (options.instanceId) {
    await openView(page, options.baseUrl, 'cockpit', `#/process-instance/${encodeURIComponent(options.instanceId)}/runtime`);
    await openCockpitTab(page, '业务信息');
    await page.locator('.anzexian-case[data-state="ready"], .anzexian-case[data-state="error"]').waitFor();
    caseFacts = oneLine(await page.locator('.anzexian-case').innerText());
  }
  return { ok: shown && instanceRows.length > 0 && caseRows.length > 0, badges, instanceRows, caseRows, searchRows,
    caseFacts, english, shot };
}

/** Logs in (one session for the four webapps: where every role may) and opens the definition's runtime view. */
async function openCockpitDefinition(page, options) {
  if (!options.definitionId) {
    throw new Error(`${options.scenario} needs --definition-id`);
  }
  await logIn(page, options);
  await openView(page, options.baseUrl, 'cockpit', `#/process-definition/${encodeURIComponent(options.definitionId)}/runtime`);
}

/** Selects the tab of the definition's or instance's page by its label. */
async function openCockpitTab(page, label) {
  const tab = page.locator('.nav-tabs li a').getByText(label, { exact: true }).first();
  await tab.click();
  await page.waitForLoadState('networkidle');
}

/** The rows of our 业务信息 tab once loaded (none when it shows a notice instead). */
async function caseListRows(page) {
  const results = page.locator('.anzexian-cases-results');
  await page.waitForFunction(() => ['ready', 'error', 'refused']
    .includes(document.querySelector('.anzexian-cases-results')?.dataset.state));
  return (await results.locator('tbody tr').allInnerTexts()).map(oneLine);
}

/** The tab 版本迁移 of the definition: the dry run as shown, and a migration of the chosen instances. */
async function cockpitMigration(page, options) {
  await openCockpitDefinition(page, options);
  await openCockpitTab(page, '版本迁移');
  const root = page.locator('.anzexian-migration');
  await page.waitForFunction(() => ['ready', 'error', 'refused']
    .includes(document.querySelector('.anzexian-migration')?.dataset.state));
  const report = { state: await root.getAttribute('data-state') };
  const sources = async () => root.locator('.anzexian-source').evaluateAll(sections => sections.map(section => ({
    version: Number(section.dataset.version),
    heading: section.querySelector('h4')?.textContent.trim(),
    instances: [...section.querySelectorAll('.anzexian-instance')].map(label => ({
      id: label.dataset.instanceId,
      checked: label.querySelector('input').checked,
      disabled: label.querySelector('input').disabled,
      text: label.textContent.replace(/\s+/g, ' ').trim(),
    })),
  })));
  report.sources = await sources();
  report.buttons = (await root.locator('button.anzexian-migrate').allInnerTexts()).map(oneLine);
  report.text = oneLine(await root.innerText());
  const missing = options.expectText.filter(text => !report.text.includes(text));
  report.missing = missing;
  report.shot = await shoot(page, options);
  report.english = (await inspectView(page, 'cockpit', `${options.shot ?? 'cockpit-migration'}-language`, options)).english;
  if (options.migrateInstance.length && report.state === 'ready') {
    const section = root.locator('.anzexian-source').filter({
      has: page.locator(`.anzexian-instance[data-instance-id="${options.migrateInstance[0]}"]`) });
    for (const [activity, target] of options.map.map(pair => pair.split('='))) {
      await section.locator(`tr[data-activity-id="${activity}"] select`).selectOption(target);
    }
    for (const box of await section.locator('.anzexian-instance input[type="checkbox"]').all()) {
      const wanted = options.migrateInstance.includes(await box.getAttribute('value'));
      if (await box.isChecked() !== wanted) {
        await box.setChecked(wanted);
      }
    }
    await section.locator('button.anzexian-migrate').click();
    const outcome = section.locator('.anzexian-migration-outcome[data-outcome]');
    await outcome.waitFor();
    report.outcome = await outcome.getAttribute('data-outcome');
    report.outcomeText = oneLine(await outcome.innerText());
    report.english.push(...(await inspectView(page, 'cockpit', `${options.shot ?? 'cockpit-migration'}-outcome-language`,
      options)).english);
    report.outcomeShot = options.shot ? await shoot(page, { ...options, shot: `${options.shot}-migrated` }) : undefined;
  }
  const ok = ['ready', 'refused'].includes(report.state) && missing.length === 0
    && (!options.migrateInstance.length || report.outcome === 'ok');
  return { ok, ...report };
}

const SCENARIOS = { filters: checkFilters, task: checkTask, complete: completeTask, chinese: checkChinese,
  'start-form': openStartForm, start: startProcess, counts: checkFilterCounts, cockpit: cockpitDefinition,
  'cockpit-migrate': cockpitMigration };

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
      // the browser's own widgets (file and date inputs) speak the desktop's language, as on a Chinese
      // desktop (Debian's chromium-l10n holds the translations)
      env: { ...process.env, LANGUAGE: (options.locale || 'zh-CN').replace('-', '_') },
      // a browser in China: Chinese, and the business time zone for dates typed and shown
      locale: options.locale || 'zh-CN',
      timezoneId: options.timezone || 'Asia/Shanghai',
      // --device phone: a phone on site (375 px wide, touch)
      ...(options.device === 'phone'
        ? { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
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
    const file = join(options.screenshotDir, `${options.scenario}-${options.user}-${Date.now()}`);
    await page.screenshot({ path: `${file}.png`, fullPage: true }).then(() => { result.screenshot = `${file}.png`; }, () => {});
    await page.content().then(html => writeFileSync(`${file}.html`, html), () => {});
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
