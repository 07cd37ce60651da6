// The dashboard's charts (/portal), drawn with ECharts from the jar. The numbers come from the page's
// <script type="application/json" id="dashboard-data"> block (the same as GET /api/dashboard); each bar
// carries the address of its filtered list, and clicking it opens that list.
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var COLORS = ['#b42318', '#f79009', '#1f6fb2', '#e8590c', '#fdb022', '#5b8def', '#067647', '#667085'];

  function item(figure) {
    return { value: figure ? figure.value : 0, href: figure ? figure.href : null };
  }

  function plain(value) {
    return { value: value == null ? 0 : Number(value), href: null };
  }

  function draw(name, categories, series, options) {
    var element = document.querySelector('.chart[data-chart="' + name + '"]');
    if (!element) {
      return;
    }
    if (categories.length === 0) {
      element.textContent = '暂无数据';
      element.classList.add('muted');
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var horizontal = options && options.horizontal;
    var category = { type: 'category', data: categories, inverse: !!horizontal, axisLabel: { interval: 0, rotate: horizontal ? 0 : (categories.length > 6 ? 30 : 0) } };
    var value = { type: 'value', minInterval: 1, max: options && options.max };
    chart.setOption({
      color: (options && options.colors) || COLORS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series.map(function (s) {
        return { name: s.name, type: 'bar', stack: s.stack, data: s.data, cursor: 'pointer',
          label: { show: !s.stack, position: horizontal ? 'right' : 'top' } };
      })
    });
    chart.on('click', function (params) {
      if (params.data && params.data.href) {
        window.location.assign(params.data.href);
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (data.coverage) {
    var coverage = data.coverage.counties;
    draw('coverage', coverage.map(function (c) { return c.countyName; }), [
      { name: '已投保', stack: 'p', data: coverage.map(function (c) { return plain(c.insured); }) },
      { name: '未投保', stack: 'p', data: coverage.map(function (c) { return item(c.uninsured); }) }
    ], { colors: ['#067647', '#b42318'] });
  }

  var hazards = data.hazards.counties;
  function hazardSeries(name, key) {
    return { name: name, stack: 'h', data: hazards.map(function (c) { return item(c.counts[key]); }) };
  }
  draw('hazards', hazards.map(function (c) { return c.countyName; }), [
    hazardSeries('重大·逾期', 'majorOverdue'), hazardSeries('重大·整改期内', 'majorInTime'),
    hazardSeries('重大·待复核', 'majorSubmitted'), hazardSeries('一般·逾期', 'generalOverdue'),
    hazardSeries('一般·整改期内', 'generalInTime'), hazardSeries('一般·待复核', 'generalSubmitted')
  ]);

  var closure = data.closure.counties;
  draw('closure', closure.map(function (c) { return c.countyName; }), [
    { name: '销号率（%）', data: closure.map(function (c) { return plain(c.closurePercent); }) }
  ], { colors: ['#067647'], max: 100 });

  var visits = data.visits;
  function visitSeries(name, key) {
    return { name: name, data: visits.map(function (v) { return item(v[key]); }) };
  }
  draw('visits', visits.map(function (v) { return v.serviceOrgName; }), [
    visitSeries('待服务', 'due'), visitSeries('已服务', 'done'), visitSeries('迟到', 'late'),
    visitSeries('漏服务', 'missed'), visitSeries('现场拒绝', 'refused')
  ], { colors: ['#1f6fb2', '#067647', '#f79009', '#b42318', '#667085'] });

  if (data.claims) {
    var claims = data.claims;
    draw('claims', claims.map(function (c) { return c.insurerName; }), [
      { name: '理赔', data: claims.map(function (c) { return item(c.claims); }) },
      { name: '有超时', data: claims.map(function (c) { return item(c.breached); }) }
    ], { colors: ['#1f6fb2', '#b42318'] });
  }

  if (data.ranking) {
    var rows = data.ranking.rows;
    draw('ranking', rows.map(function (r) { return r.organizationName + '（' + r.kindLabel + '）'; }), [
      { name: '得分', data: rows.map(function (r) { return { value: Number(r.score), href: r.href }; }) }
    ], { horizontal: true, colors: ['#1f4e8c'] });
  }
}());
