// Monthly points trend on the home page (ECharts from the WebJar; data in data-trend, no inline script).
(function () {
  'use strict';
  var element = document.getElementById('home-trend');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-trend'));
  var chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: data.series.map(function (s) { return s.name; }) },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', name: element.getAttribute('data-unit') },
    series: data.series.map(function (s) { return { name: s.name, type: 'line', data: s.data, smooth: true }; })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
