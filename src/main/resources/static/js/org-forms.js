// Organisation forms: a person select grouped by unit shows only the people of the unit chosen
// (<select data-group-by="unitId"> with <optgroup data-group="<unit id>">). Without JS, all groups show.
(function () {
  'use strict';
  document.querySelectorAll('select[data-group-by]').forEach(function (select) {
    var source = document.getElementById(select.getAttribute('data-group-by'));
    if (!source) {
      return;
    }
    function filter() {
      var unit = source.value;
      select.querySelectorAll('optgroup[data-group]').forEach(function (group) {
        var visible = !unit || group.getAttribute('data-group') === unit;
        group.hidden = !visible;
        group.disabled = !visible;
      });
      var chosen = select.selectedOptions[0];
      if (chosen && chosen.parentElement.disabled) {
        select.value = '';
      }
    }
    source.addEventListener('change', filter);
    filter();
  });
})();
