// The leadership chart (组织领导示意图): an ECharts tree drawn from /org/chart/data. No inline scripts (CSP).
(function () {
  'use strict';
  var container = document.getElementById('org-chart');
  if (!container || !window.echarts) {
    return;
  }
  var colours = {
    bureau: '#c8161d',
    leader: '#1677ff',
    unit: '#13a8a8',
    head: '#606266',
    publicist: '#389e0d',
    no_publicist: '#e6a23c'
  };
  var ROW_HEIGHT = 26;

  function decorate(node) {
    var colour = colours[node.kind] || '#909399';
    var branch = node.kind === 'bureau' || node.kind === 'leader' || node.kind === 'unit';
    var label = { color: node.kind === 'no_publicist' ? colours.no_publicist : '#303133', fontWeight: branch ? 'bold' : 'normal' };
    if (branch) {
      // a leader in charge of no unit is a leaf, but keeps its label on the left like the other leaders
      label.position = 'left';
      label.align = 'right';
    }
    return {
      name: node.name,
      itemStyle: { color: colour, borderColor: colour },
      label: label,
      children: (node.children || []).map(decorate)
    };
  }

  function leaves(node) {
    if (!node.children || node.children.length === 0) {
      return 1;
    }
    return node.children.reduce(function (sum, child) { return sum + leaves(child); }, 0);
  }

  function option(tree, fontSize) {
    return {
      animation: false,
      tooltip: { show: false },
      series: [{
        type: 'tree',
        data: [decorate(tree)],
        orient: 'LR',
        top: 16, bottom: 16, left: 110, right: 210,
        symbol: 'circle', symbolSize: 8,
        initialTreeDepth: -1,
        expandAndCollapse: false,
        roam: false,
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: fontSize },
        leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
        lineStyle: { color: '#c0c4cc', width: 1, curveness: 0.5 }
      }]
    };
  }

  fetch(container.getAttribute('data-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (tree) {
      container.textContent = '';
      container.style.height = Math.max(420, leaves(tree) * ROW_HEIGHT) + 'px';
      var chart = window.echarts.init(container, null, { renderer: 'svg' });
      chart.setOption(option(tree, 13));
      container.setAttribute('data-ready', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
      // A4 landscape less 10 mm margins is about 1047 × 718 px at 96 dpi; leave room for the title.
      window.addEventListener('beforeprint', function () {
        chart.setOption(option(tree, 10));
        chart.resize({ width: 1000, height: 640 });
      });
      window.addEventListener('afterprint', function () {
        chart.setOption(option(tree, 13));
        chart.resize({ width: 'auto', height: 'auto' });
      });
    })
    .catch(function () {
      container.textContent = container.getAttribute('data-failed');
      container.classList.add('org-chart-failed');
    });
})();
