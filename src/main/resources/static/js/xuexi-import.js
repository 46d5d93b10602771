// 学习强国 import: while the preview or import request of a report runs, the page polls its progress
// (GET /xuexi/imports/{token}/progress) and shows it in the form's progress bar (issue 13, point 2).
(function () {
  'use strict';
  document.querySelectorAll('form[data-progress-url]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (event.defaultPrevented) {
        return;
      }
      var box = form.querySelector('.xuexi-progress');
      if (!box) {
        return;
      }
      var bar = box.querySelector('.progress-bar');
      var meter = box.querySelector('.progress');
      var label = box.querySelector('.xuexi-progress-label');
      box.classList.remove('d-none');
      var show = function (data) {
        bar.style.width = data.percent + '%';
        meter.setAttribute('aria-valuenow', String(data.percent));
        bar.textContent = data.percent + '%';
        label.textContent = data.label;
        box.setAttribute('data-phase', data.phase);
      };
      var poll = function () {
        fetch(form.getAttribute('data-progress-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            if (data) {
              show(data);
            }
            if (!data || (data.phase !== 'DONE' && data.phase !== 'FAILED')) {
              window.setTimeout(poll, 400);
            }
          })
          .catch(function () { window.setTimeout(poll, 1000); });
      };
      window.setTimeout(poll, 200);
    });
  });
})();
