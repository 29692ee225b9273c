// charter serve: reloads the page when the site is rebuilt, and shows a failed build's errors over the page.
// Served at /_charter/live.js by the preview server only; published sites never include it.
// The overlay is built with DOM calls and textContent (diagnostics quote the editor's text, which may hold markup),
// and styled through element.style, which the pages' Content-Security-Policy (style-src 'self') allows.
(function () {
  'use strict';
  if (!('EventSource' in window)) return;

  var script = document.currentScript;
  // The build this page came from: if the server has another one when we connect, the page is stale.
  var pageBuild = Number(script && script.getAttribute('data-build')) || 0;
  var overlay = null;

  function style(element, properties) {
    Object.keys(properties).forEach(function (name) { element.style[name] = properties[name]; });
    return element;
  }

  function element(tag, text, properties) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return properties ? style(node, properties) : node;
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function show(failure) {
    hide();
    overlay = element('div', null, {
      position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '2147483647', maxHeight: '60vh', overflow: 'auto',
      background: '#1b1b1b', color: '#f5f5f5', borderTop: '4px solid #d93025', padding: '1rem 1.25rem',
      font: '14px/1.45 system-ui, sans-serif', boxShadow: '0 -4px 16px rgba(0,0,0,.35)'
    });
    overlay.id = 'charter-build-errors';
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('lang', 'en');

    var bar = element('div', null, { display: 'flex', gap: '1rem', alignItems: 'baseline', justifyContent: 'space-between' });
    bar.appendChild(element('strong', failure.summary || 'Build failed', { fontSize: '1rem' }));
    var close = element('button', 'Hide', {
      font: 'inherit', color: 'inherit', background: 'transparent', border: '1px solid #888', borderRadius: '4px', padding: '.15rem .6rem', cursor: 'pointer'
    });
    close.type = 'button';
    close.addEventListener('click', hide);
    bar.appendChild(close);
    overlay.appendChild(bar);

    var list = element('ul', null, { listStyle: 'none', margin: '.75rem 0 0', padding: '0' });
    (failure.diagnostics || []).forEach(function (line) {
      var item = element('li', null, { margin: '.25rem 0' });
      // One diagnostic per line, as in the terminal: path:line:col: error CODE: message
      item.appendChild(element('code', String(line), {
        whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', font: '13px/1.4 ui-monospace, monospace',
        color: / error /.test(line) ? '#ffb4ab' : '#ffe08a'
      }));
      list.appendChild(item);
    });
    overlay.appendChild(list);
    overlay.appendChild(element('p', 'The page shows the last good build; it reloads when the errors are fixed.', { margin: '.75rem 0 0', color: '#bbb' }));
    document.body.appendChild(overlay);
  }

  function data(event) {
    try { return JSON.parse(event.data); } catch (e) { return null; }
  }

  var events = new EventSource('/_charter/events');
  events.addEventListener('hello', function (event) {
    var hello = data(event);
    if (hello && hello.build !== pageBuild) location.reload();
  });
  events.addEventListener('reload', function () {
    hide();
    location.reload();
  });
  // A failed build. (The connection's own 'error' events carry no data; the browser reconnects by itself.)
  events.addEventListener('error', function (event) {
    if (typeof event.data !== 'string') return;
    var failure = data(event);
    if (failure) show(failure);
  });
})();
