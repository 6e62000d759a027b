// 县科技创新指标看板: reads /api/v1/reporting through the gateway with the API key the user enters, which stays in
// sessionStorage (this tab's session) only. Charts are ECharts (lib/echarts.min.js, served by the gateway itself).
'use strict';

(() => {
  const api = '/api/v1/reporting';
  const keyStorage = 'countytech.dashboard.apiKey';
  const notReported = '尚未报送';
  const kinds = { flow: '流量（年内发生）', stock: '存量（年末）', ratio: '比率' };
  // The key indicators shown as figures and as five-year charts; any code of INDICATORS.md can be listed here.
  const keyIndicators = [
    'upper_funding', 'upper_projects', 'high_tech_enterprises', 'tech_smes', 'patent_applications', 'patent_grants',
    'commissioners_active', 'training_participants', 'rd_intensity', 'fiscal_st_share', 'invention_patents_per_10k',
    'tech_contract_turnover',
  ];
  const chartYears = 5;

  const $ = (id) => document.getElementById(id);
  let definitions = new Map();
  let townshipChart = null;
  const charts = [];

  /** The value as the report shows it: 2 decimals for ratios, up to 2 for 万元, whole numbers for counts. */
  function format(value, indicator) {
    if (value === null || value === undefined) {
      return notReported;
    }
    if (indicator.unit === '万元') {
      return String(Math.round(value * 100) / 100);
    }
    return indicator.kind === 'ratio' ? value.toFixed(2) : String(Math.round(value));
  }

  function change(indicator) {
    const yoy = indicator.yoyChangePercent;
    if (yoy === null || yoy === undefined) {
      return indicator.previousValue === null ? '上年' + notReported : '上年为 0';
    }
    if (yoy === 0) {
      return '与上年持平';
    }
    return (yoy > 0 ? '同比增长' : '同比下降') + Math.abs(yoy).toFixed(2) + '%';
  }

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  async function get(path, accept = 'application/json') {
    const response = await fetch(api + path, { headers: { 'X-Api-Key': sessionStorage.getItem(keyStorage), Accept: accept } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch {
        // Not a problem document: the status text says enough.
      }
      throw new ApiError(response.status, detail);
    }
    return accept === 'application/json' ? response.json() : response;
  }

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  function signedOut(message) {
    sessionStorage.removeItem(keyStorage);
    $('board').hidden = true;
    $('key-form').hidden = false;
    $('freshness').textContent = '';
    showError(message);
  }

  function failed(error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      signedOut(error.status === 401 ? '密钥无效或已被吊销，请重新输入。' : '该密钥没有 reporting:read 权限。');
      return;
    }
    showError('读取失败：' + error.message);
  }

  function showDefinition(code) {
    const d = definitions.get(code);
    $('definition-name').textContent = `${d.nameZh}（${d.code}）`;
    $('definition-en').textContent = d.nameEn;
    $('definition-unit').textContent = d.unit;
    $('definition-kind').textContent = kinds[d.kind] || d.kind;
    $('definition-formula').textContent = d.formula;
    $('definition').showModal();
  }

  function infoButton(code) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'info';
    button.textContent = '定义';
    button.dataset.definition = code;
    button.addEventListener('click', () => showDefinition(code));
    return button;
  }

  function renderFigures(indicators) {
    const figures = $('figures');
    figures.replaceChildren();
    for (const code of keyIndicators) {
      const indicator = indicators.find((i) => i.code === code);
      if (!indicator) {
        continue;
      }
      const card = document.createElement('div');
      card.className = 'figure';
      card.dataset.code = code;
      const name = document.createElement('div');
      name.className = 'name';
      name.textContent = indicator.nameZh;
      name.append(infoButton(code));
      const value = document.createElement('div');
      value.className = indicator.value === null ? 'value missing' : 'value';
      value.dataset.value = indicator.value === null ? '' : String(indicator.value);
      value.textContent = indicator.value === null ? notReported : format(indicator.value, indicator) + ' ' + indicator.unit;
      const yoy = document.createElement('div');
      yoy.className = 'change';
      yoy.textContent = change(indicator);
      card.append(name, value, yoy);
      figures.append(card);
    }
  }

  function barOption(title, indicator, labels, values) {
    return {
      animation: false,
      title: { text: `${title}（${indicator.unit}）`, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      series: [{
        type: 'bar',
        name: indicator.nameZh,
        data: values,
        itemStyle: { color: '#c0392b' },
        barMaxWidth: 56,
        label: { show: true, position: 'top', formatter: (p) => format(p.value, indicator) },
      }],
      graphic: values.every((v) => v === null)
        ? [{ type: 'text', left: 'center', top: 'middle', style: { text: notReported, fill: '#999', fontSize: 16 } }]
        : [],
    };
  }

  async function renderCharts(year) {
    const container = $('charts');
    container.replaceChildren();
    charts.splice(0).forEach((c) => c.dispose());
    const from = year - chartYears + 1;
    await Promise.all(keyIndicators.map(async (code) => {
      const card = document.createElement('div');
      card.className = 'card';
      const title = document.createElement('div');
      title.className = 'card-title';
      title.textContent = definitions.get(code).nameZh;
      title.append(infoButton(code));
      const element = document.createElement('div');
      element.className = 'chart';
      element.dataset.chart = code;
      card.append(title, element);
      container.append(card);

      const series = await get(`/indicators/${code}?from=${from}&to=${year}`);
      const points = series.series[0].points;
      const chart = echarts.init(element, null, { renderer: 'svg' });
      charts.push(chart);
      chart.setOption(barOption(`${from}—${year}年`, series, points.map((p) => p.year + '年'), points.map((p) => p.value)));
      element.dataset.ready = 'true';
    }));
  }

  async function renderTownships(year) {
    const code = $('township-code').value;
    const element = $('township-chart');
    delete element.dataset.ready;
    element.dataset.chart = code;
    const indicator = definitions.get(code);
    let labels = [];
    let values = [];
    $('township-note').hidden = true;
    try {
      const series = await get(`/indicators/${code}?from=${year}&to=${year}&by=township`);
      labels = series.series.map((s) => s.township);
      values = series.series.map((s) => s.points[0].value);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) {
        throw error;
      }
      $('township-note').textContent = `${indicator.nameZh}只有全县数据，没有分乡镇数据。`;
      $('township-note').hidden = false;
    }
    townshipChart ??= echarts.init(element, null, { renderer: 'svg' });
    townshipChart.clear();
    townshipChart.setOption(barOption(`${year}年${indicator.nameZh}（分乡镇）`, indicator, labels, values));
    element.dataset.ready = 'true';
  }

  async function renderStatus() {
    const status = await get('/status');
    const parts = [
      `已处理事件 ${status.eventsProcessed} 条`,
      `最新数据 ${status.lastEventAt ? new Date(status.lastEventAt).toLocaleString('zh-CN') : '暂无'}`,
      `传输延迟 ${status.lagSeconds === null ? '—' : status.lagSeconds.toFixed(1) + ' 秒'}`,
      ...status.sources.map((s) => `${s.source}：${s.eventsProcessed} 条`),
    ];
    if (status.rebuild.state === 'running') {
      parts.push(`正在重建投影：${status.rebuild.eventsDone} / ${status.rebuild.eventsInLog ?? '…'}`);
    }
    const element = $('status');
    element.replaceChildren(...parts.map((text) => Object.assign(document.createElement('span'), { textContent: text })));
    element.dataset.eventsProcessed = String(status.eventsProcessed);
    $('freshness').textContent = status.lastEventAt
      ? `数据更新于 ${new Date(status.lastEventAt).toLocaleString('zh-CN')}`
      : '尚未收到业务数据';
  }

  async function show(year) {
    showError('');
    const indicators = await get(`/indicators?year=${year}`);
    definitions = new Map(indicators.indicators.map((i) => [i.code, i]));
    renderFigures(indicators.indicators);
    const townshipCode = $('township-code');
    if (townshipCode.options.length === 0) {
      for (const i of indicators.indicators.filter((i) => i.kind !== 'ratio')) {
        townshipCode.append(new Option(i.nameZh, i.code));
      }
      townshipCode.value = 'upper_funding';
    }
    await Promise.all([renderCharts(year), renderTownships(year), renderStatus()]);
    document.body.dataset.year = String(year);
  }

  async function downloadReport() {
    const year = $('year').value;
    const response = await get(`/reports/${year}?format=docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `${year}年县科技创新工作汇报.docx`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function start() {
    $('key-form').hidden = true;
    $('board').hidden = false;
    show(Number($('year').value)).catch(failed);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const thisYear = new Date().getFullYear();
    for (let y = thisYear; y >= thisYear - 25; y--) {
      $('year').append(new Option(y + '年', String(y)));
    }
    // The year of ?year=YYYY (a bookmark of the board), else the last full year.
    const asked = new URLSearchParams(location.search).get('year');
    $('year').value = asked && $('year').querySelector(`option[value="${Number(asked)}"]`) ? String(Number(asked)) : String(thisYear - 1);
    $('year').addEventListener('change', () => show(Number($('year').value)).catch(failed));
    $('township-code').addEventListener('change', () => renderTownships(Number($('year').value)).catch(failed));
    $('download-report').addEventListener('click', () => downloadReport().catch(failed));
    $('forget').addEventListener('click', () => signedOut(''));
    $('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(keyStorage, $('api-key').value.trim());
      $('api-key').value = '';
      start();
    });
    window.addEventListener('resize', () => [...charts, townshipChart].forEach((c) => c?.resize()));
    if (sessionStorage.getItem(keyStorage)) {
      start();
    }
  });
})();
