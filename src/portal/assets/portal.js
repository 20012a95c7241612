// The portal's only script (served from Rollcall, allowed by its CSP): Copy buttons. Everything else
// works without it; without it, the read-only fields can still be selected and copied.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.querySelector('[data-copy-status="' + button.getAttribute('data-copy') + '"]');
    if (!field) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var done = function (message) {
        if (status) status.textContent = message;
      };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(
          function () {
            done('Copied.');
          },
          function () {
            done('Selected: press Ctrl+C (⌘C) to copy.');
          },
        );
      } else {
        done(
          document.execCommand && document.execCommand('copy')
            ? 'Copied.'
            : 'Selected: press Ctrl+C (⌘C) to copy.',
        );
      }
    });
  });
});
