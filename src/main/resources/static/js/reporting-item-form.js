// Item form: "添加作者" adds another author row (the form works without it: three rows are always there).
(function () {
  'use strict';
  var button = document.querySelector('[data-author-add]');
  var rows = document.getElementById('author-rows');
  if (!button || !rows) {
    return;
  }
  button.addEventListener('click', function () {
    var all = rows.querySelectorAll('.author-row');
    if (all.length >= 10) {
      button.disabled = true;
      return;
    }
    var copy = all[all.length - 1].cloneNode(true);
    var index = all.length;
    copy.querySelectorAll('select, input').forEach(function (field) {
      field.name = field.name.replace(/authors\[\d+\]/, 'authors[' + index + ']');
      field.value = '';
    });
    rows.appendChild(copy);
  });
})();
// Item form: the urgency fields show only for a time-critical item (without JavaScript they are always shown).
(function () {
  'use strict';
  var toggle = document.querySelector('[data-urgent-toggle]');
  var detail = document.querySelector('[data-urgent-detail]');
  if (!toggle || !detail) {
    return;
  }
  function sync() {
    detail.hidden = !toggle.checked;
  }
  toggle.addEventListener('change', sync);
  sync();
})();
