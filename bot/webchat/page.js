// Starts Web Chat against the bot's own Direct Line subset (polling, same origin).
// Used by the web page (`/`, started at once) and by the kiosk (`/kiosk`, started on a touch).
(function () {
  'use strict';

  /** Style options for a readable chat on any screen: buttons wrap instead of scrolling sideways. */
  function styleOptions(large) {
    return {
      hideUploadButton: true,
      bubbleMaxWidth: 560,
      primaryFont: 'system-ui, sans-serif',
      suggestedActionLayout: 'flow',
      suggestedActionHeight: large ? 56 : 40,
      sendBoxHeight: large ? 64 : 40,
      // Darker than the defaults: 4.5:1 or more on white (WCAG 2.1 AA).
      accent: '#000091',
      subtle: '#595959',
      timestampColor: '#595959',
      suggestedActionBorderColor: '#000091',
      suggestedActionTextColor: '#000091',
      bubbleFromUserBackground: '#e3e3fd',
    };
  }

  /**
   * Gets a Direct Line token and starts the conversation (the bot's welcome turn runs then), without
   * waiting for Web Chat: on a slow phone this overlaps with the download of webchat.js.
   */
  function open(locale) {
    return fetch('/directline/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: locale }),
    })
      .then(function (res) {
        if (!res.ok) throw new Error('token ' + res.status);
        return res.json();
      })
      .then(function (session) {
        return fetch('/directline/conversations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
          body: '{}',
        }).then(function (res) {
          if (!res.ok) throw new Error('conversation ' + res.status);
          return session;
        });
      });
  }

  /** Resolves once webchat.js has run (scripts are deferred: they have all run at DOMContentLoaded). */
  var webChatReady = new Promise(function (resolve) {
    if (window.WebChat) resolve();
    else document.addEventListener('DOMContentLoaded', function () { resolve(); });
  });

  /**
   * Opens a conversation in `root`. `onActivity(activity)` sees every activity the bot sends.
   * Resolves with what the page needs to end it later: the Direct Line token, conversation and user.
   */
  function start(root, options) {
    options = options || {};
    var locale = root.getAttribute('data-locale') || 'fr-FR';
    return Promise.all([open(locale), webChatReady])
      .then(function (ready) {
        var session = ready[0];
        root.textContent = '';
        var directLine = window.WebChat.createDirectLine({
          token: session.token,
          conversationId: session.conversationId,
          domain: window.location.origin + '/directline',
          webSocket: false,
          pollingInterval: 500,
        });
        var store = window.WebChat.createStore({}, function () {
          return function (next) {
            return function (action) {
              if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && options.onActivity) {
                var activity = action.payload.activity;
                if (activity.from && activity.from.role === 'bot') options.onActivity(activity);
              }
              return next(action);
            };
          };
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            userID: session.userId,
            locale: locale,
            nonce: root.getAttribute('data-nonce') || undefined,
            styleOptions: styleOptions(options.large),
          },
          root,
        );
        bindEasySwitch(store);
        var box = root.querySelector('input, textarea');
        if (box) box.focus();
        return { token: session.token, conversationId: session.conversationId, userId: session.userId, store: store, directLine: directLine };
      })
      .catch(function (error) {
        root.textContent = root.getAttribute('data-error');
        throw error;
      });
  }

  /** The « français facile » switch sends its command, so the person sees what changed and can type it. */
  function bindEasySwitch(store) {
    var button = document.querySelector('[data-easy-switch]');
    if (!button) return;
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: button.getAttribute(on ? 'data-on' : 'data-off') } });
    });
  }

  window.GuichetChat = { start: start };

  var root = document.getElementById('webchat');
  if (root && root.hasAttribute('data-autostart')) start(root).catch(function () {});
})();
