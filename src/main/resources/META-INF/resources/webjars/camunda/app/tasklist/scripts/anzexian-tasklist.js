// Our additions to the Camunda 7.24 Tasklist (#12), loaded by config.js's customScripts:
// - the number of tasks next to every filter, not only the selected one;
// - after a start, a notice with the new case's number (the instance's business key, the record id that
//   /api and the mails use), which the Tasklist's own "流程已发起。" leaves out;
// - Chinese for the few English texts that Camunda Forms (form-js) writes itself: the select placeholder,
//   search and validation messages;
// - for the embedded forms (compiled by the Tasklist's AngularJS app, whose module `cam.tasklist.custom`
//   exists when this script is imported): the filters anzexianYuan (¥1,234.50), anzexianTime
//   (2026-03-05 14:05) and anzexianDate (2026-03-05) in the business time zone, the directive
//   <anzexian-claim-facts claim-id="claimId"> that shows a claim with what the steps before recorded, and
//   the service anzexianRows that turns a form's repeatable rows into process variables, and the service
//   anzexianFields for fields kept on the page (ng-model) and sent as String or Boolean variables;
// - the way to the portal (#14): 业务门户 in the header, and 查看案件 in the pane of the selected task,
//   which opens the case page of the task's process instance (/portal/cases/process/{id}).

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

const CASE_LINK = 'anzexian-case-link';

/** The task selected in the Tasklist (its address is …/#/?task=ID&…), or null. */
function selectedTaskId() {
  const match = /[?&]task=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/** 查看案件 beside the task pane's own actions (comment …), for the selected task's process instance. */
function linkTasksToCases(engineApi) {
  const instanceOf = new Map();
  const asked = new Set();
  const place = () => {
    const taskId = selectedTaskId();
    const actions = document.querySelector(`.task-actions:not(.${CASE_LINK})`);
    const shown = document.querySelector(`.${CASE_LINK}`);
    if (!taskId || !actions) {
      shown?.remove();
      return;
    }
    if (shown?.dataset.task === taskId) {
      return;
    }
    shown?.remove();
    if (!instanceOf.has(taskId)) {
      if (!asked.has(taskId)) {
        asked.add(taskId);
        fetch(`${engineApi}/task/${encodeURIComponent(taskId)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(response => (response.ok ? response.json() : {}))
          .then(task => instanceOf.set(taskId, task.processInstanceId ?? null))
          .catch(() => instanceOf.set(taskId, null))
          .then(place);
      }
      return;
    }
    const instanceId = instanceOf.get(taskId);
    if (!instanceId) {
      return;
    }
    const box = document.createElement('div');
    box.className = `task-actions ${CASE_LINK}`;
    box.dataset.task = taskId;
    const link = document.createElement('a');
    link.href = `/portal/cases/process/${encodeURIComponent(instanceId)}`;
    link.textContent = '查看案件';
    link.title = '在业务门户中查看本任务所属案件的情况、文件和办理经过';
    box.appendChild(link);
    actions.parentElement.insertBefore(box, actions);
  };
  new MutationObserver(place).observe(document.body, { subtree: true, childList: true });
  window.addEventListener('hashchange', place);
  place();
}

/** 业务门户 in the Tasklist's header, back to the portal (one login for both). */
function portalLink(node) {
  if (!node || node.querySelector?.('.anzexian-portal-link')) {
    return;
  }
  const link = document.createElement('a');
  link.className = 'anzexian-portal-link';
  link.href = '/portal';
  link.textContent = '业务门户';
  link.title = '概览、我的事项、案件页';
  link.style.cssText = 'display:inline-block;padding:15px 10px;color:inherit;';
  node.appendChild(link);
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

/** The business time zone, as anzexian.time-zone in application.yaml (the server's mails and deadlines). */
const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
const BUSINESS_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
  minute: '2-digit', hourCycle: 'h23',
});
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An amount in yuan as people read it: ¥1,234.50; nothing for no amount. */
export function yuan(amount) {
  if (amount === null || amount === undefined || amount === '') {
    return '';
  }
  const number = Number(amount);
  return Number.isFinite(number)
    ? `¥${number.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : '';
}

function businessParts(value) {
  const moment = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(moment.getTime())) {
    return null;
  }
  return Object.fromEntries(BUSINESS_CLOCK.formatToParts(moment).map(part => [part.type, part.value]));
}

/** A moment (ISO text with offset, Date or milliseconds) in the business time zone: 2026-03-05 14:05. */
export function businessTime(value) {
  const at = value === null || value === undefined || value === '' ? null : businessParts(value);
  return at ? `${at.year}-${at.month}-${at.day} ${at.hour}:${at.minute}` : '';
}

/** A calendar day (yyyy-MM-dd, as it is) or the day of a moment in the business time zone: 2026-03-05. */
export function businessDate(value) {
  if (typeof value === 'string' && CALENDAR_DAY.test(value)) {
    return value;
  }
  const at = value === null || value === undefined || value === '' ? null : businessParts(value);
  return at ? `${at.year}-${at.month}-${at.day}` : '';
}

/** The claim as GET /api/claims/{id}/view gives it, with what every step before recorded (N6.5–N6.7). */
const CLAIM_FACTS = `
<div class="panel panel-default anzexian-claim-context" ng-if="v">
  <div class="panel-heading"><strong>报案编号 {{ v.claim.id }}</strong> · {{ v.claim.statusLabel }}
    <span class="label label-warning" ng-if="v.claim.late">迟报</span></div>
  <div class="panel-body">
    <dl class="dl-horizontal">
      <dt>项目</dt><dd>{{ v.projectCode }} {{ v.projectName }}（{{ v.county }}）</dd>
      <dt>工程地址</dt><dd>{{ v.siteAddress }}</dd>
      <dt>保单</dt><dd>{{ v.claim.policyNumber }}（保险期间 {{ v.policyStart | anzexianDate }} 至 {{ v.policyEnd | anzexianDate }}；每人限额 {{ v.deathDisabilityLimit | anzexianYuan }}，累计限额 {{ v.totalLimit | anzexianYuan }}）</dd>
      <dt>保险机构</dt><dd>{{ v.insurerName }}</dd>
      <dt>施工单位</dt><dd>{{ v.builderName }}</dd>
      <dt>事故发生时间</dt><dd>{{ v.claim.accidentAt | anzexianTime }}</dd>
      <dt>报案时间</dt><dd>{{ v.claim.reportedAt | anzexianTime }}（{{ v.channelLabel }}）</dd>
      <dt ng-if="v.claim.late">迟报原因</dt><dd ng-if="v.claim.late" class="text-warning">{{ v.claim.lateExplanation }}</dd>
      <dt>事故类型</dt><dd>{{ v.accidentTypeLabel }}</dd>
      <dt>事故部位</dt><dd>{{ v.claim.place }}</dd>
      <dt>伤亡情况</dt><dd>死亡 {{ v.claim.deaths }} 人，受伤 {{ v.claim.injuries }} 人</dd>
      <dt>事故经过</dt><dd style="white-space: pre-line">{{ v.claim.description }}</dd>
      <dt>报案人</dt><dd>{{ v.claim.reporterName }} {{ v.claim.reporterPhone }} {{ v.claim.reporterEmail }}</dd>
      <dt>现场照片</dt>
      <dd>
        <span ng-if="!v.photos.length">（无）</span>
        <a ng-repeat="photo in v.photos" ng-href="{{ photo.url }}" target="_blank" title="{{ photo.name }}">
          <img ng-src="{{ photo.url }}" alt="现场照片 {{ $index + 1 }}：{{ photo.name }}" class="img-thumbnail"
               style="max-width: 30%; max-height: 120px; margin: 0 4px 4px 0"></a>
      </dd>
      <dt>受理时限</dt><dd>{{ v.claim.acknowledgementDueAt | anzexianTime }}</dd>
      <dt ng-if="v.claim.acknowledgedAt">已受理</dt><dd ng-if="v.claim.acknowledgedAt">{{ v.claim.acknowledgedAt | anzexianTime }}</dd>
      <dt ng-if="v.claim.requiredDocuments">索赔材料清单</dt>
      <dd ng-if="v.claim.requiredDocuments" style="white-space: pre-line">{{ v.claim.requiredDocuments }}</dd>
      <dt ng-if="v.claim.surveyedAt">查勘情况</dt>
      <dd ng-if="v.claim.surveyedAt" style="white-space: pre-line">{{ v.claim.surveyFindings }}</dd>
      <dt ng-if="v.claim.surveyedAt">事故原因</dt><dd ng-if="v.claim.surveyedAt">{{ v.claim.accidentCause }}</dd>
      <dt ng-if="v.claim.surveyedAt">估损金额</dt><dd ng-if="v.claim.surveyedAt">{{ v.claim.estimatedLoss | anzexianYuan }}</dd>
      <dt ng-if="v.claim.documents.length">索赔材料</dt>
      <dd ng-if="v.claim.documents.length">
        <div ng-repeat="round in v.claim.documents">
          {{ round.recordedAt | anzexianTime }} {{ round.kind === 'REQUEST' ? '保险机构要求补充：' : '施工单位提交：' }}{{ round.text }}
          <span ng-repeat="sha in round.files"> <a ng-href="/api/files/{{ sha }}" target="_blank">{{ fileNames[sha] || ('文件 ' + ($index + 1)) }}</a></span>
        </div>
      </dd>
      <dt ng-if="v.claim.documentsCompleteAt">材料齐全</dt>
      <dd ng-if="v.claim.documentsCompleteAt">{{ v.claim.documentsCompleteAt | anzexianTime }}，核定期限至 {{ v.claim.decisionDueAt | anzexianTime }}</dd>
      <dt ng-if="v.claim.decidedAt">核定结果</dt>
      <dd ng-if="v.claim.decidedAt">
        {{ v.claim.covered ? '予以赔付，核定赔款 ' + (v.claim.agreedAmount | anzexianYuan) : '不予赔付' }}<span ng-if="v.claim.decisionReason">；{{ v.claim.decisionReason }}</span>
        <div ng-repeat="payee in v.claim.payees" class="anzexian-payee">{{ payee.name }} {{ payee.amount | anzexianYuan }}</div>
      </dd>
      <dt ng-if="v.claim.paymentDueAt">支付期限</dt><dd ng-if="v.claim.paymentDueAt">{{ v.claim.paymentDueAt | anzexianTime }}</dd>
      <dt ng-if="v.claim.paidOn">已支付</dt>
      <dd ng-if="v.claim.paidOn">{{ v.claim.paidAmount | anzexianYuan }}，{{ v.claim.paidOn | anzexianDate }}，凭证号 {{ v.claim.paymentReference }}</dd>
    </dl>
  </div>
</div>
<p class="text-danger" ng-if="loadError">{{ loadError }}</p>`;

/**
 * <anzexian-claim-facts claim-id="claimId" loaded="claimView">: loads the claim (GET /api/claims/{id}/view,
 * with the Tasklist's session) once its id is known and shows it; `loaded` (optional) hands the loaded view
 * to the form, e.g. for the policy's limits. (Not `view`: that attribute is the Tasklist's own directive.)
 */
function claimFacts($http) {
  return {
    restrict: 'E',
    scope: { claimId: '<', loaded: '=?' },
    template: CLAIM_FACTS,
    link(scope) {
      scope.fileNames = {};
      scope.$watch('claimId', claimId => {
        if (claimId === null || claimId === undefined || claimId === '') {
          return;
        }
        $http.get(`/api/claims/${encodeURIComponent(claimId)}/view`).then(response => {
          scope.v = response.data;
          scope.loaded = response.data;
          scope.fileNames = Object.fromEntries(response.data.documents.map(file => [file.sha256, file.name]));
        }, () => {
          scope.loadError = '报案详情加载失败，请刷新页面重试。';
        });
      });
    },
  };
}

function twoDigits(n) {
  return (n < 10 ? '0' : '') + n;
}

/** A field's value as the form sends it: null when blank; a picked date (Date) as yyyy-MM-dd; else text. */
export function fieldText(kind, value) {
  if (blank(value)) {
    return null;
  }
  if (kind === 'date' && value instanceof Date) {
    return `${value.getFullYear()}-${twoDigits(value.getMonth() + 1)}-${twoDigits(value.getDate())}`;
  }
  return String(value);
}

/** A calendar day (yyyy-MM-dd) as the Date a date input shows (local midnight); null for none. */
export function fieldDate(text) {
  if (!text) {
    return null;
  }
  const [year, month, day] = String(text).split('-').map(Number);
  return new Date(year, month - 1, day);
}

/**
 * Sends the page's fields ($scope.f) as the variables of the same names, which the form created on
 * 'form-loaded' (so the door knows them): kinds {name: 'check' | 'date' | anything else for text}; a
 * check goes as Boolean, everything else through fieldText.
 */
export function sendFields(camForm, values, kinds) {
  for (const [name, kind] of Object.entries(kinds)) {
    camForm.variableManager.variableValue(name, kind === 'check' ? !!values[name] : fieldText(kind, values[name]));
  }
}

/** What the Tasklist lets a file field carry (cam-max-filesize of the forms' own file fields). */
const MAX_UPLOAD_BYTES = 20971520;

function blank(value) {
  return value === null || value === undefined || value === '';
}

/**
 * anzexianRows(camForm, $scope, lists, options): the repeatable rows of an embedded form (#12). The
 * Tasklist registers only the fields it finds when the form loads, so the rows are the page's
 * ($scope.rows[list], one object per row, ng-model="row.Name") and this registers their variables on
 * submit: <prefix><n><part> as String and <prefix><n><file> as File, n from 1 (the form declares them in
 * data-row-variables="lead{n}Name …" for the door). A row's file is read when it is picked: the file input
 * names its row with data-row-list, data-row (index) and data-row-file (the part); the submit waits until
 * every file is read. Gives the form $scope.addRow(list), $scope.removeRow(list, index), $scope.reading
 * and $scope.rowsError (show it). lists: {leads: {prefix: 'lead', parts: ['Name'], files: ['ProofFile']}};
 * options: noun (文件, 照片 …) for the messages, keepBlanks to send an empty part as null rather than leave
 * it out.
 */
export function repeatableRows(camForm, scope, lists, { noun = '文件', keepBlanks = false } = {}) {
  let registered = [];
  scope.reading = 0;
  scope.rowsError = null;
  scope.addRow = list => {
    scope.rows[list].push({});
  };
  scope.removeRow = (list, index) => {
    scope.rows[list].splice(index, 1);
  };
  camForm.formElement[0].addEventListener('change', event => {
    const input = event.target;
    const key = input.getAttribute('data-row-file');
    const list = key ? scope.rows[input.getAttribute('data-row-list')] : null;
    const row = list ? list[Number(input.getAttribute('data-row'))] : null;
    if (!row) {
      return;
    }
    const file = input.files[0];
    scope.$apply(() => {
      delete row[key];
      scope.rowsError = null;
      if (file && file.size > MAX_UPLOAD_BYTES) {
        input.value = '';
        scope.rowsError = `${noun}“${file.name}”超过 20 MB，请压缩后重新选择。`;
      } else if (file) {
        scope.reading++;
        const reader = new FileReader();
        reader.onloadend = () => scope.$apply(() => {
          scope.reading--;
          const data = String(reader.result || '');
          row[key] = { name: file.name, type: file.type, data: data.substring(data.indexOf(',') + 1) };
        });
        reader.readAsDataURL(file);
      }
    });
  });
  camForm.on('submit', () => {
    if (scope.reading > 0) {
      scope.rowsError = `${noun}仍在读取，请稍候再提交。`;
      camForm.submitPrevented = true;
      return;
    }
    const variables = camForm.variableManager;
    registered.forEach(name => variables.destroyVariable(name));
    registered = [];
    const register = (name, variable) => {
      variables.createVariable({ name, ...variable });
      registered.push(name);
    };
    for (const [list, { prefix, parts, files = [] }] of Object.entries(lists)) {
      scope.rows[list].forEach((row, index) => {
        const at = prefix + (index + 1);
        for (const part of parts) {
          if (keepBlanks || !blank(row[part])) {
            register(at + part, { type: 'String', value: blank(row[part]) ? null : String(row[part]) });
          }
        }
        for (const part of files) {
          const file = row[part];
          if (file) {
            register(at + part, { type: 'File', value: file.data, valueInfo: { filename: file.name, mimeType: file.type } });
          }
        }
      });
    }
  });
}

/** Our filters and directives on the module the Tasklist bootstraps with its own (cam.tasklist.custom). */
function registerFormHelpers(angular) {
  let custom;
  try {
    custom = angular.module('cam.tasklist.custom');
  } catch {
    return; // not the Tasklist
  }
  custom.filter('anzexianYuan', () => yuan);
  custom.filter('anzexianTime', () => businessTime);
  custom.filter('anzexianDate', () => businessDate);
  custom.directive('anzexianClaimFacts', ['$http', claimFacts]);
  custom.factory('anzexianRows', () => repeatableRows);
  custom.factory('anzexianFields', () => ({ text: fieldText, date: fieldDate, send: sendFields }));
}

if (window.angular) {
  registerFormHelpers(window.angular);
}
announceStartedCases();
translateFormsAsTheyRender();

export default {
  id: 'anzexian.tasklist',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => {
    const engineApi = api?.engineApi ?? '/camunda/api/engine/engine/default';
    portalLink(node);
    countFilters(engineApi);
    linkTasksToCases(engineApi);
  },
};
