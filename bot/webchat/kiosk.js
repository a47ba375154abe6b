// The reception-desk kiosk: one conversation per person, cleared by « Nouvelle personne » or after
// a quiet delay (countdown at the end), and a printed summary built only from what the page shows.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var idleSeconds = Number(document.body.getAttribute('data-idle-seconds')) || 180;
  var warnSeconds = Math.min(30, idleSeconds);
  var warning = document.getElementById('idle-warning');
  var warningText = document.getElementById('idle-text');
  var printButton = document.getElementById('print-summary');
  var summary = document.getElementById('summary');
  var summaryBody = document.getElementById('summary-body');
  var parts = { eligibility: null, structures: [], request: null };
  var session = null;
  var lastTouch = Date.now();
  var ending = false;

  /** Ends the conversation on the server, then reloads a blank page: nothing of it stays in memory. */
  function reset(startAgain) {
    if (ending) return;
    ending = true;
    var target = window.location.pathname + '?lang=' + document.documentElement.lang + (startAgain ? '&start=1' : '');
    var done = function () { window.location.replace(target); };
    if (!session) return done();
    fetch('/directline/conversations/' + encodeURIComponent(session.conversationId) + '/activities', {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
      body: JSON.stringify({ type: 'event', name: 'guichet.end', from: { id: session.userId } }),
    }).then(done, done);
  }

  function begin() {
    lastTouch = Date.now();
    window.GuichetChat.start(root, { large: true, onActivity: collect }).then(function (opened) {
      session = opened;
    }, function () {});
  }

  function touched() {
    lastTouch = Date.now();
    if (!warning.hidden) warning.hidden = true;
  }

  function tick() {
    if (!session || ending) return;
    var left = Math.ceil(idleSeconds - (Date.now() - lastTouch) / 1000);
    if (left <= 0) return reset(false);
    if (left <= warnSeconds) {
      warningText.textContent = warning.getAttribute('data-text').replace('{seconds}', String(left));
      warning.hidden = false;
    }
  }

  /** Keeps what the bot marked as printable (channelData.printable). */
  function collect(activity) {
    var part = activity.channelData && activity.channelData.printable;
    if (!part || typeof part !== 'object') return;
    if (part.kind === 'eligibility' && typeof activity.text === 'string') parts.eligibility = activity.text;
    if (part.kind === 'structures' && Array.isArray(part.items)) {
      part.items.forEach(function (item) {
        var known = parts.structures.some(function (s) { return s.name === item.name && s.address === item.address; });
        if (!known) parts.structures.push(item);
      });
    }
    if (part.kind === 'request') parts.request = part;
    renderSummary();
  }

  function add(parent, tag, text) {
    var element = document.createElement(tag);
    element.textContent = text;
    parent.appendChild(element);
    return element;
  }

  /** The summary, written with textContent only (never markup from a message). */
  function renderSummary() {
    summaryBody.textContent = '';
    if (parts.eligibility) {
      add(summaryBody, 'h3', summary.getAttribute('data-eligibility'));
      parts.eligibility.split('\n').filter(Boolean).forEach(function (line) { add(summaryBody, 'p', line.replace(/^- /, '• ')); });
    }
    if (parts.structures.length > 0) {
      add(summaryBody, 'h3', summary.getAttribute('data-structures'));
      var list = add(summaryBody, 'ul', '');
      parts.structures.slice(-10).forEach(function (s) {
        var item = add(list, 'li', '');
        add(item, 'strong', s.name);
        [s.kind, s.address, s.phone, s.email, s.website].filter(Boolean).forEach(function (line) { add(item, 'span', line); });
      });
    }
    if (parts.request) {
      add(summaryBody, 'h3', summary.getAttribute('data-request'));
      add(summaryBody, 'p', summary.getAttribute('data-reference').replace('{reference}', parts.request.reference));
      add(summaryBody, 'p', summary.getAttribute('data-organisation').replace('{organisation}', parts.request.organisation));
      if (parts.request.contact) add(summaryBody, 'p', parts.request.contact);
    }
    var date = new Date().toLocaleDateString(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR');
    add(summaryBody, 'p', summary.getAttribute('data-printed').replace('{date}', date)).className = 'printed';
    printButton.hidden = !(parts.eligibility || parts.structures.length > 0 || parts.request);
  }

  document.getElementById('new-person').addEventListener('click', function () {
    if (session) reset(true);
    else begin();
  });
  document.getElementById('still-here').addEventListener('click', touched);
  printButton.addEventListener('click', function () { window.print(); });
  ['pointerdown', 'keydown', 'touchstart', 'wheel'].forEach(function (type) {
    document.addEventListener(type, touched, { passive: true, capture: true });
  });
  window.setInterval(tick, 1000);

  if (new URLSearchParams(window.location.search).get('start') === '1') {
    window.history.replaceState(null, '', window.location.pathname + '?lang=' + document.documentElement.lang);
    begin();
  }
})();
