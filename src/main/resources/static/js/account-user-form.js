// Account form: choosing a person fills an empty name field with the person's name.
(function () {
  'use strict';
  document.querySelectorAll('select[data-fills]').forEach(function (select) {
    var target = document.getElementById(select.getAttribute('data-fills'));
    select.addEventListener('change', function () {
      var option = select.options[select.selectedIndex];
      var name = option && option.getAttribute('data-name');
      if (target && name && target.value.trim() === '') {
        target.value = name;
      }
    });
  });
})();
