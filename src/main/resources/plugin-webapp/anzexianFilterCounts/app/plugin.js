// The number of tasks next to every Tasklist filter (#12). The Tasklist counts only the selected filter
// (its own counter, left as it is); the others get theirs from GET /filter?itemCount=true, which runs
// each filter as the logged-in user. Filters are matched by name: TasklistFilters names them uniquely.
const REFRESH_MS = 30000;
const BADGE = 'anzexian-filter-count';

function filterLinks() {
  return [...document.querySelectorAll('section.task-filters .task-filter .name a')];
}

function nameOf(link) {
  return [...link.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.textContent).join('').trim();
}

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

export default {
  id: 'anzexian.filterCounts',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => {
    let counts = new Map();
    const load = () => fetch(`${api.engineApi}/filter?resourceType=Task&itemCount=true`, {
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
    // a task claimed or completed changes the counts: reload after the Tasklist has acted
    document.addEventListener('click', () => setTimeout(load, 1000), true);
    new MutationObserver(() => paint(counts)).observe(document.body,
      { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  },
};
