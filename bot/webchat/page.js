// Starts Web Chat against the bot's own Direct Line subset (polling, same origin).
(function () {
  var root = document.getElementById('webchat');
  var locale = root.getAttribute('data-locale') || 'fr-FR';
  fetch('/directline/tokens/generate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ locale: locale }),
  })
    .then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    })
    .then(function (session) {
      root.textContent = '';
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: window.location.origin + '/directline',
        webSocket: false,
        pollingInterval: 500,
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: session.userId,
          locale: locale,
          styleOptions: { hideUploadButton: true, bubbleMaxWidth: 560, primaryFont: 'system-ui, sans-serif' },
        },
        root,
      );
      var box = root.querySelector('input, textarea');
      if (box) box.focus();
    })
    .catch(function () {
      root.textContent = root.getAttribute('data-error');
    });
})();
