// Trend chart of the assessment ranking page (ECharts from the WebJar; data in data-trend, no inline script).
(function () {
  'use strict';
  var element = document.getElementById('assessment-trend');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-trend'));
  var chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: data.series.map(function (s) { return s.name; }) },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', name: element.getAttribute('data-unit') },
    series: data.series.map(function (s) { return { name: s.name, type: 'line', data: s.data, smooth: true }; })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
