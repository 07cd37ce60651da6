// Our additions to the Camunda 7.24 Tasklist (#12), loaded by config.js's customScripts:
// - the number of tasks next to every filter, not only the selected one;
// - after a start, a notice with the new case's number (the instance's business key, the record id that
//   /api and the mails use), which the Tasklist's own "流程已发起。" leaves out;
// - Chinese for the few English texts that Camunda Forms (form-js) writes itself: the select placeholder,
//   search and validation messages.

const REFRESH_MS = 30000;
const BADGE = 'anzexian-filter-count';
const STARTED = /\/process-definition\/[^/]+\/(submit-form|start)$/;

function filterLinks() {
  return [...document.querySelectorAll('section.task-filters .task-filter .name a')];
}

function nameOf(link) {
  return [...link.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.textContent).join('').trim();
}

/** The Tasklist counts the selected filter itself; every other filter gets our badge. */
function paint(counts) {
  for (const link of filterLinks()) {
    const own = link.querySelector(`.counter:not(.${BADGE})`);
    const selected = own && !own.classList.contains('ng-hide');
    const count = counts.get(nameOf(link));
    let badge = link.querySelector(`.${BADGE}`);
    if (selected || count === undefined) {
      badge?.remove();
      continue;
    }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = `counter ${BADGE}`;
      link.appendChild(badge);
    }
    if (badge.textContent !== String(count)) {
      badge.textContent = String(count);
    }
  }
}

/** Runs every filter as the logged-in user (GET /filter?itemCount=true) and paints the counts. */
function countFilters(engineApi) {
  let counts = new Map();
  const load = () => fetch(`${engineApi}/filter?resourceType=Task&itemCount=true`, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  })
    .then(response => (response.ok ? response.json() : []))
    .then(filters => {
      counts = new Map(filters.map(filter => [filter.name, filter.itemCount]));
      paint(counts);
    })
    .catch(() => {});
  load();
  setInterval(load, REFRESH_MS);
  // a task claimed, completed or started changes the counts: reload once the Tasklist has acted
  document.addEventListener('click', () => setTimeout(load, 1000), true);
  new MutationObserver(() => paint(counts)).observe(document.body,
    { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
}

function notify(title, message) {
  const injector = window.angular?.element(document.querySelector('.ng-scope') ?? document.body).injector();
  const notifications = injector?.has('Notifications') ? injector.get('Notifications') : null;
  if (notifications) {
    notifications.addMessage({ status: title, message, duration: 20000, exclusive: false });
  }
}

/**
 * Runs `then` once the start dialog has closed and the Tasklist has moved on: a notice added while the
 * dialog is still open is swept away with the route change that closing it makes.
 */
function afterTheDialogClosed(then) {
  const started = Date.now();
  const wait = () => {
    if (document.querySelector('.modal-dialog') && Date.now() - started < 15000) {
      setTimeout(wait, 200);
    } else {
      setTimeout(then, 500);
    }
  };
  wait();
}

/** Watches the Tasklist's own start requests (AngularJS $http uses XMLHttpRequest) for the new case. */
function announceStartedCases() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && STARTED.test(new URL(url, location.href).pathname)) {
      this.addEventListener('load', () => {
        if (this.status !== 200) {
          return;
        }
        try {
          const started = JSON.parse(this.responseText);
          if (started.businessKey) {
            afterTheDialogClosed(() => notify('已发起', `编号 ${started.businessKey}，请记下以便查询和跟踪。`));
          }
        } catch {
          // not JSON: nothing to announce
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

/** form-js's own English texts, as it writes them (form-js of the 7.24 webapps), and ours for them. */
const FORM_JS_TEXTS = [
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^No results$/, () => '无匹配项'],
  [/^Field is required\.$/, () => '必填项。'],
  [/^Field must match pattern .*\.$/s, () => '格式不符合要求。'],
  [/^Field must have minimum value of (.+)\.$/, min => `不能小于 ${min}。`],
  [/^Field must have maximum value of (.+)\.$/, max => `不能大于 ${max}。`],
  [/^Field must have minimum length of (.+)\.$/, min => `至少 ${min} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, max => `最多 ${max} 个字符。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid {1,2}international phone number.*$/s, () => '请填写有效的国际电话号码（如 +8635xxxxxxx）。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
];

function chinese(text) {
  const trimmed = text.trim();
  for (const [english, ours] of FORM_JS_TEXTS) {
    const match = english.exec(trimmed);
    if (match) {
      return ours(...match.slice(1));
    }
  }
  return null;
}

function translateFormJs(root) {
  for (const element of root.querySelectorAll?.('.fjs-container .fjs-select-display, .fjs-container .fjs-form-field-error, '
      + '.fjs-container .fjs-dropdownlist-empty, .fjs-container .fjs-form-field-error li') ?? []) {
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const ours = chinese(node.textContent);
        if (ours !== null) {
          node.textContent = ours;
        }
      }
    }
  }
  for (const input of root.querySelectorAll?.('.fjs-container input[placeholder]') ?? []) {
    const ours = chinese(input.placeholder);
    if (ours !== null) {
      input.placeholder = ours;
    }
  }
}

function translateFormsAsTheyRender() {
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        translateFormJs(document);
      });
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

announceStartedCases();
translateFormsAsTheyRender();

export default {
  id: 'anzexian.tasklist',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => countFilters(api?.engineApi ?? '/camunda/api/engine/engine/default'),
};
