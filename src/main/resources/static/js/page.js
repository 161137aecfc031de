// Behaviour the staff pages declare in data attributes, since the Content-Security-Policy runs no code written into
// the markup (no onchange="…", no hx-on).
//   <select data-submit-on-change>       submits its form (through htmx when the form has hx-post)
//   <form data-reset-on-success>          is cleared after htmx reports a successful request
//   <div data-request-errors=".box">      shows a failed htmx request's answer in .box inside it, hides it on success
(function () {
  'use strict';

  document.addEventListener('change', function (event) {
    const field = event.target;
    if (field.matches && field.matches('[data-submit-on-change]') && field.form) {
      field.form.requestSubmit();
    }
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    const source = event.target;
    const form = source.closest ? source.closest('form[data-reset-on-success]') : null;
    if (form && event.detail.successful) {
      form.reset();
    }
    const panel = source.closest ? source.closest('[data-request-errors]') : null;
    if (panel) {
      const box = panel.querySelector(panel.dataset.requestErrors);
      if (!box) {
        return;
      }
      if (event.detail.successful) {
        box.hidden = true;
        if (source.reset) {
          source.reset();
        }
      } else {
        box.textContent = event.detail.xhr.responseText;
        box.hidden = false;
      }
    }
  });
})();
