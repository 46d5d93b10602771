// InfoDesk page behaviour. No inline scripts anywhere (CSP script-src 'self').
(function () {
  'use strict';
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    if (tokenMeta && headerMeta) {
      event.detail.headers[headerMeta.content] = tokenMeta.content;
    }
  });
  // Destructive actions ask first: <button data-confirm="确定停用？">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);
  // Print buttons: <button data-print>.
  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-print]');
    if (target) {
      event.preventDefault();
      window.print();
    }
  });
  // Toasts fade after a few seconds.
  document.querySelectorAll('.app-toast').forEach(function (toast) {
    window.setTimeout(function () { toast.remove(); }, 4000);
  });
})();
