// Our additions to the Camunda 7.24 Cockpit (#13), loaded by config.js's customScripts, for process owners:
// - 业务信息 on a process's page: its running cases with what tells them apart — the case number (the
//   instance's business key, the record id of /api and the mails) and the `caseSummary` our code writes
//   when a case starts (county, project code and name, hazard severity, claim amount…), searchable;
// - 业务信息 on a case's page: the same facts of that case;
// - 版本迁移 on a process's page: the dry run of moving the running cases of older versions onto the latest
//   (GET /api/process-migrations/{key}/dry-run) and the migration of the chosen cases (POST …/{key}).
//   The server lets only process owners and administrators do either; everyone else reads why not.
// Everything is read as the logged-in user through the engine's REST API and /api, with the webapps'
// session (and its CSRF token on POST): Cockpit shows nobody anything the engine would not show them.

const SUMMARY = 'caseSummary';
const PAGE_SIZE = 50;
const FALLBACK_ENGINE_API = '/camunda/api/engine/engine/default';

// ---------------------------------------------------------------------------------------------- requests

/** The webapps' CSRF token as the server last set it (the cookie can change after the page loaded). */
function csrfToken(api) {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : api?.CSRFToken;
}

class Refused extends Error {
  constructor(status, body) {
    super(refusalText(status, body));
    this.status = status;
    this.body = body;
  }
}

/** Our /api and the engine speak Chinese first and add English in brackets for developers: keep the Chinese. */
function chineseOnly(text) {
  return String(text ?? '').replace(/\s*\((?=[^()]*[A-Za-z])[^()\u4e00-\u9fff]*\)\s*$/, '').trim();
}

function refusalText(status, body) {
  if (status === 401) {
    return '登录已失效，请重新登录。';
  }
  if (status === 403) {
    return chineseOnly(body?.message) || '没有权限。';
  }
  const fields = (body?.fieldErrors ?? []).map(field => chineseOnly(field.message)).filter(Boolean);
  const message = chineseOnly(body?.message);
  return [message && !fields.length ? message : '', ...fields].filter(Boolean).join('；')
    || `服务器拒绝了请求（HTTP ${status}）。`;
}

async function request(api, url, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken(api);
  }
  const response = await fetch(url, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text };
  }
  if (!response.ok) {
    throw new Refused(response.status, json);
  }
  return json;
}

function engineApi(api) {
  return api?.engineApi ?? FALLBACK_ENGINE_API;
}

// ------------------------------------------------------------------------------------------ the facts

/**
 * The case summary of each instance: the variable on the instance itself, not the copies our code puts on
 * its tasks (the same text, but one per task).
 */
async function summariesOf(api, instanceIds) {
  const summaries = new Map();
  if (!instanceIds.length) {
    return summaries;
  }
  const variables = await request(api, `${engineApi(api)}/variable-instance?variableName=${SUMMARY}`
    + `&processInstanceIdIn=${instanceIds.map(encodeURIComponent).join(',')}&deserializeValues=false`);
  for (const variable of variables) {
    if (!variable.taskId && variable.executionId === variable.processInstanceId) {
      summaries.set(variable.processInstanceId, String(variable.value ?? ''));
    }
  }
  return summaries;
}

/** The running instances with their case number and definition version, by id. */
async function instancesById(api, instanceIds) {
  if (!instanceIds.length) {
    return new Map();
  }
  const instances = await request(api, `${engineApi(api)}/history/process-instance`
    + `?processInstanceIds=${instanceIds.map(encodeURIComponent).join(',')}`);
  return new Map(instances.map(instance => [instance.id, instance]));
}

function when(timestamp) {
  if (!timestamp) {
    return '';
  }
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toLocaleString('zh-CN', { hour12: false });
}

function instanceLink(instanceId, text) {
  return element('a', { href: `#/process-instance/${encodeURIComponent(instanceId)}/runtime`,
    title: `实例 ${instanceId}` }, text);
}

// ------------------------------------------------------------------------------------------------ DOM

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function table(headings, rows, className) {
  return element('table', { class: `table table-striped cam-table ${className ?? ''}` },
    element('thead', {}, element('tr', {}, headings.map(heading => element('th', {}, heading)))),
    element('tbody', {}, rows));
}

function notice(kind, ...text) {
  return element('div', { class: `alert alert-${kind} anzexian-notice` }, ...text);
}

/** Shows `build`'s content in `node` (a spinner meanwhile, the refusal in Chinese on failure). */
async function show(node, build) {
  node.replaceChildren(element('p', { class: 'anzexian-loading' }, '正在加载…'));
  node.dataset.state = 'loading';
  try {
    const content = await build();
    node.replaceChildren(...[content].flat(Infinity).filter(child => child !== null && child !== undefined));
    node.dataset.state = node.dataset.state === 'loading' ? 'ready' : node.dataset.state;
  } catch (error) {
    node.replaceChildren(notice('danger', error instanceof Refused ? error.message : `加载失败：${error.message}`));
    node.dataset.state = error instanceof Refused && error.status === 403 ? 'refused' : 'error';
  }
}

// ---------------------------------------------------------------------- 业务信息 on a process's page

/** The running cases of the process (all its versions), newest first, with a search on the summary. */
function renderCaseList(node, { api, processDefinitionId }) {
  const root = element('div', { class: 'anzexian-cases' });
  node.replaceChildren(root);
  const state = { page: 0, text: '' };
  let definition;

  const search = element('input', { type: 'search', class: 'form-control input-sm',
    placeholder: '按业务信息筛选：县区、项目编号或名称、隐患等级…', 'aria-label': '按业务信息筛选' });
  const form = element('form', { class: 'form-inline anzexian-cases-search', onsubmit: event => {
    event.preventDefault();
    state.page = 0;
    state.text = search.value.trim();
    load();
  } }, search, ' ', element('button', { type: 'submit', class: 'btn btn-default btn-sm' }, '筛选'));
  const results = element('div', { class: 'anzexian-cases-results' });
  root.append(form, results);

  async function load() {
    await show(results, async () => {
      definition ??= await request(api, `${engineApi(api)}/process-definition/${encodeURIComponent(processDefinitionId)}`);
      const query = { processDefinitionKey: definition.key, unfinished: true,
        sorting: [{ sortBy: 'startTime', sortOrder: 'desc' }] };
      if (state.text) {
        query.variables = [{ name: SUMMARY, operator: 'like', value: `%${state.text}%` }];
      }
      const base = `${engineApi(api)}/history/process-instance`;
      const [count, instances] = await Promise.all([
        request(api, `${base}/count`, { method: 'POST', body: query }),
        request(api, `${base}?firstResult=${state.page * PAGE_SIZE}&maxResults=${PAGE_SIZE}`,
          { method: 'POST', body: query }),
      ]);
      const summaries = await summariesOf(api, instances.map(instance => instance.id));
      const rows = instances.map(instance => element('tr', { dataset: { instanceId: instance.id } },
        element('td', { class: 'anzexian-case-number' }, instanceLink(instance.id, instance.businessKey || '（无编号）')),
        element('td', { class: 'anzexian-case-summary' }, summaries.get(instance.id) || '—'),
        element('td', {}, `第 ${instance.processDefinitionVersion} 版`),
        element('td', {}, when(instance.startTime)),
        element('td', {}, instance.state === 'SUSPENDED' ? '已挂起' : '运行中')));
      const pages = Math.max(1, Math.ceil(count.count / PAGE_SIZE));
      return [
        element('p', { class: 'anzexian-cases-count' }, state.text
          ? `“${state.text}”：${count.count} 个运行中的实例（所有版本）`
          : `${count.count} 个运行中的实例（所有版本），最新发起的在前`),
        rows.length ? table(['编号', '业务信息', '版本', '发起时间', '状态'], rows, 'anzexian-cases-table')
          : notice('info', '没有符合条件的运行中实例。'),
        pages > 1 ? element('div', { class: 'anzexian-pager' },
          element('button', { type: 'button', class: 'btn btn-default btn-sm', disabled: state.page === 0,
            onclick: () => { state.page--; load(); } }, '上一页'),
          ` 第 ${state.page + 1} / ${pages} 页 `,
          element('button', { type: 'button', class: 'btn btn-default btn-sm', disabled: state.page + 1 >= pages,
            onclick: () => { state.page++; load(); } }, '下一页')) : null,
      ];
    });
  }
  load();
}

// ------------------------------------------------------------------------ 业务信息 on a case's page

function renderCaseFacts(node, { api, processInstanceId }) {
  const root = element('div', { class: 'anzexian-case' });
  node.replaceChildren(root);
  show(root, async () => {
    const [instances, summaries] = await Promise.all([instancesById(api, [processInstanceId]),
      summariesOf(api, [processInstanceId])]);
    const instance = instances.get(processInstanceId);
    const facts = [
      ['编号', instance?.businessKey || '（无编号）'],
      ['业务信息', summaries.get(processInstanceId) || '（本流程未记录业务信息）'],
      ['流程', `${instance?.processDefinitionName ?? instance?.processDefinitionKey ?? ''}（第 ${instance?.processDefinitionVersion ?? '?'} 版）`],
      ['发起时间', when(instance?.startTime)],
    ];
    return element('dl', { class: 'dl-horizontal anzexian-case-facts' },
      facts.map(([term, value]) => [element('dt', {}, term),
        element('dd', { class: term === '业务信息' ? 'anzexian-case-summary' : null }, value)]));
  });
}

// ------------------------------------------------------------------------------ 版本迁移 on a process's page

function renderMigration(node, { api, processDefinitionId }) {
  const root = element('div', { class: 'anzexian-migration' });
  node.replaceChildren(root);
  let definition;

  function reload() {
    show(root, async () => {
      definition ??= await request(api, `${engineApi(api)}/process-definition/${encodeURIComponent(processDefinitionId)}`);
      let report;
      try {
        report = await request(api, `/api/process-migrations/${encodeURIComponent(definition.key)}/dry-run`);
      } catch (error) {
        if (error instanceof Refused && error.status === 403) {
          root.dataset.state = 'refused';
          return notice('warning', '只有流程管理员（processOwners 组）和系统管理员可以预演和迁移运行中的实例；'
            + '您可以查看流程和实例，但不能迁移。');
        }
        throw error;
      }
      const intro = element('p', { class: 'anzexian-migration-intro' },
        `预演：把「${definition.name || definition.key}」旧版本上运行中的实例迁移到最新的第 ${report.targetVersion} 版会怎样。`
        + '活动按编号对应；新版本中已没有的活动上停留的实例不能迁移，除非为该活动指定新版本中的活动。'
        + '迁移由引擎在后台分批执行，并记录在案。');
      if (!report.sources.length) {
        return [intro, notice('info', `没有旧版本上运行中的实例：所有实例都已在第 ${report.targetVersion} 版上，无需迁移。`)];
      }
      const ids = report.sources.flatMap(source => [...source.migratableInstanceIds, ...source.blockedInstanceIds]);
      const [instances, summaries] = await Promise.all([instancesById(api, ids), summariesOf(api, ids)]);
      return [intro, ...report.sources.map(source => sourcePanel(api, definition.key, report, source,
        instances, summaries, reload))];
    });
  }
  reload();
}

function describe(instanceId, instances, summaries) {
  const key = instances.get(instanceId)?.businessKey;
  return [instanceLink(instanceId, key ? `编号 ${key}` : instanceId), ' ',
    element('span', { class: 'anzexian-case-summary' }, summaries.get(instanceId) || '')];
}

/** One older version: what maps, what is gone and who waits there, the timers, and the cases to move. */
function sourcePanel(api, processKey, report, source, instances, summaries, reload) {
  const activityName = (id, name) => (name && name !== id ? `${name}（${id}）` : id);
  const targets = [...new Map(source.mapped.map(mapping => [mapping.targetActivityId, mapping.name])).entries()];
  const mappings = new Map();
  const boxes = [];
  const waitingAt = new Map(source.unmapped.flatMap(gone => gone.waitingInstanceIds.map(id => [id, gone.activityId])));

  const mappedTable = source.mapped.length
    ? table(['旧版本活动', '新版本活动'], source.mapped.map(mapping => element('tr', {},
      element('td', {}, mapping.sourceActivityId), element('td', {}, activityName(mapping.targetActivityId, mapping.name)))),
    'anzexian-mapped')
    : notice('warning', '没有按编号对应的活动。');

  const choose = element('div', { class: 'anzexian-instances' });
  const button = element('button', { type: 'button', class: 'btn btn-primary anzexian-migrate' });
  const outcome = element('div', { class: 'anzexian-migration-outcome' });

  function refreshChoices() {
    for (const box of boxes) {
      const gone = waitingAt.get(box.value);
      const blocked = gone !== undefined && !mappings.get(gone);
      box.disabled = blocked;
      if (blocked) {
        box.checked = false;
      }
      box.closest('label').classList.toggle('anzexian-blocked', blocked);
    }
    const chosen = boxes.filter(box => box.checked).length;
    button.textContent = `迁移所选的 ${chosen} 个实例到第 ${report.targetVersion} 版`;
    button.disabled = chosen === 0;
  }

  const unmapped = source.unmapped.length
    ? table(['新版本中已没有的活动', '停在这里的实例', '迁移到新版本的活动'], source.unmapped.map(gone => {
      const select = element('select', { class: 'form-control input-sm', 'aria-label': `为「${gone.name}」指定新版本中的活动`,
        onchange: event => {
          mappings.set(gone.activityId, event.target.value);
          refreshChoices();
        } }, element('option', { value: '' }, '不迁移这些实例'),
      targets.map(([id, name]) => element('option', { value: id }, activityName(id, name))));
      return element('tr', { dataset: { activityId: gone.activityId } },
        element('td', {}, activityName(gone.activityId, gone.name)),
        element('td', {}, gone.waitingInstanceIds.map(id => element('div', {}, describe(id, instances, summaries)))),
        element('td', {}, select));
    }), 'anzexian-unmapped')
    : element('p', {}, '新版本保留了所有有实例停留的活动。');

  const timers = source.timers.length
    ? element('ul', { class: 'anzexian-timers' }, source.timers.map(timer => element('li', {},
      `${activityName(timer.activityId, timer.name)}：`,
      timer.recreated ? '定义已改变，迁移时按新版本重新计算到期时间' : '定义未变，保留原到期时间')))
    : element('p', {}, '对应的活动上没有定时器。');

  for (const id of [...source.migratableInstanceIds, ...source.blockedInstanceIds]) {
    const box = element('input', { type: 'checkbox', value: id, onchange: refreshChoices });
    box.checked = source.migratableInstanceIds.includes(id);
    boxes.push(box);
    const gone = source.unmapped.find(activity => activity.activityId === waitingAt.get(id));
    choose.append(element('label', { class: 'anzexian-instance', dataset: { instanceId: id } }, box, ' ',
      describe(id, instances, summaries),
      gone ? element('span', { class: 'anzexian-why' }, `（停在「${gone.name}」，新版本中没有该活动）`) : null));
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    outcome.replaceChildren(element('p', {}, '正在提交迁移…'));
    const chosen = boxes.filter(box => box.checked).map(box => box.value);
    const activityMappings = Object.fromEntries([...mappings].filter(([, target]) => target));
    try {
      const done = await request(api, `/api/process-migrations/${encodeURIComponent(processKey)}`, { method: 'POST',
        body: { sourceVersion: source.version, targetVersion: report.targetVersion, processInstanceIds: chosen,
          activityMappings } });
      outcome.dataset.outcome = 'ok';
      outcome.replaceChildren(notice('success',
        `已提交迁移（记录编号 ${done.id}）：${done.processInstanceIds.length} 个实例从第 ${source.version} 版迁移到第 `
        + `${report.targetVersion} 版`,
        done.recreatedTimers.length ? `，重新计算到期时间的定时器：${done.recreatedTimers.map(id => activityName(id,
          source.timers.find(timer => timer.activityId === id)?.name)).join('、')}` : '',
        '。引擎在后台分批执行，进度见 ', element('a', { href: `#/batch?details=${encodeURIComponent(done.batchId)}&type=runtime` },
          '批处理'), '。 ',
        element('button', { type: 'button', class: 'btn btn-default btn-sm', onclick: reload }, '重新预演')));
    } catch (error) {
      outcome.dataset.outcome = 'refused';
      outcome.replaceChildren(notice('danger', '未迁移：', error.message));
      refreshChoices();
    }
  });
  refreshChoices();

  return element('section', { class: 'anzexian-source', dataset: { version: source.version } },
    element('h4', {}, `第 ${source.version} 版 → 第 ${report.targetVersion} 版：${source.instanceCount} 个运行中的实例`),
    element('h5', {}, '按编号对应的活动'), mappedTable,
    element('h5', {}, '新版本中已没有的活动'), unmapped,
    element('h5', {}, '定时器'), timers,
    element('h5', {}, '选择要迁移的实例'), choose,
    element('p', {}, button), outcome);
}

export default [
  {
    id: 'anzexian.processDefinition.cases',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    // before Cockpit's own tabs: the business facts are what an owner looks for first
    priority: 100,
    properties: { label: '业务信息' },
    render: renderCaseList,
  },
  {
    id: 'anzexian.processInstance.case',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 100,
    properties: { label: '业务信息' },
    render: renderCaseFacts,
  },
  {
    id: 'anzexian.processDefinition.migration',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: -100,
    properties: { label: '版本迁移' },
    render: renderMigration,
  },
];
