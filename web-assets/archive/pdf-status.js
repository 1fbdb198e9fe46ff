// The record page while its PDF is being made beside the record: asks the server how far it is
// (GET /archief/{id}/pdf-status, JSON with a sentence from the server's bundles) and shows it in the
// role=status paragraph and its <progress>. A click on the link while it is not ready puts the PDF
// first in line and starts the download once it is made. Without script the link itself waits, or
// says to try again shortly.
(function () {
  'use strict';
  var box = document.querySelector('.pdf-status[data-status]');
  var link = document.getElementById('pdf-link');
  if (!box || !link) {
    return;
  }
  var bar = box.querySelector('progress');
  var text = box.querySelector('.pdf-status-text');
  var wanted = false;
  var timer = null;

  function show(state) {
    if (state.text) {
      text.textContent = state.text;
    }
    if (typeof state.percent === 'number' && state.state !== 'waiting') {
      bar.value = state.percent;
    } else {
      bar.removeAttribute('value');
    }
  }

  function ask() {
    timer = null;
    fetch(box.dataset.status + (wanted ? '?nu=1' : ''), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (state) {
        show(state);
        if (state.state === 'ready') {
          bar.hidden = true;
          link.setAttribute('download', '');
          if (wanted) {
            wanted = false;
            window.location.href = box.dataset.pdf;
          }
          return;
        }
        timer = window.setTimeout(ask, 1000);
      })
      .catch(function () { timer = window.setTimeout(ask, 5000); });
  }

  link.addEventListener('click', function (e) {
    if (link.hasAttribute('download')) {
      return;
    }
    e.preventDefault();
    wanted = true;
    if (timer !== null) {
      window.clearTimeout(timer);
    }
    ask();
  });
  ask();
})();
