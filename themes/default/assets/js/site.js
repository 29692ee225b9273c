// Charter: small enhancements for every page. No framework, no inline script (the pages' CSP forbids it).
// Everything here is progressive: without JavaScript the links, <details> citations and forms still work.
(function () {
  "use strict";
  var doc = document;

  // "/" focuses the header search box (or the search page's own box), unless the reader is typing.
  doc.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = doc.getElementById("search-q") || doc.getElementById("header-q");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // Copy buttons in the "Cite" boxes: shown only when the clipboard can be used.
  var live = doc.getElementById("live-region");
  var copiedText = doc.body.getAttribute("data-copied") || "Copied";
  function announce(text) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }
  function copy(text, button) {
    var done = function () {
      var original = button.getAttribute("data-label") || button.textContent;
      button.setAttribute("data-label", original);
      button.textContent = copiedText + " ✓";
      announce(copiedText);
      window.setTimeout(function () { button.textContent = original; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text) && done(); });
    } else if (fallbackCopy(text)) done();
  }
  function fallbackCopy(text) {
    var area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    doc.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = doc.execCommand("copy"); } catch (e) { ok = false; }
    doc.body.removeChild(area);
    return ok;
  }
  var buttons = doc.querySelectorAll("button.copy[data-copy]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) {
      copy(event.currentTarget.getAttribute("data-copy"), event.currentTarget);
    });
  }

  // Print: each unit shows its permalink (print.css reads data-permalink).
  var units = doc.querySelectorAll(".unit[id]");
  for (var u = 0; u < units.length; u++) {
    units[u].setAttribute("data-permalink", location.origin + location.pathname + "#" + units[u].id);
  }

  // Highlight the unit a permalink or a search result points to.
  function highlight() {
    var previous = doc.querySelectorAll(".is-highlighted");
    for (var p = 0; p < previous.length; p++) previous[p].classList.remove("is-highlighted");
    if (!location.hash) return;
    var el = doc.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.classList.contains("unit")) el.classList.add("is-highlighted");
  }
  highlight();
  window.addEventListener("hashchange", highlight);

  // The language switch keeps the reader's place: the unit in the URL, or else the unit in view.
  function unitInView() {
    var best = null;
    for (var k = 0; k < units.length; k++) {
      var rect = units[k].getBoundingClientRect();
      if (rect.bottom > 80) { best = units[k]; break; }
    }
    return best && best.getBoundingClientRect().top < window.innerHeight ? best.id : null;
  }
  var switches = doc.querySelectorAll("a[data-lang-switch]");
  for (var s = 0; s < switches.length; s++) {
    switches[s].addEventListener("click", function (event) {
      var link = event.currentTarget;
      var base = link.getAttribute("href").split("#")[0];
      var fragment = location.hash ? location.hash.slice(1) : null;
      if (window.scrollY > 40 || !fragment) fragment = unitInView() || fragment;
      var query = location.search || "";
      link.setAttribute("href", base + (base.indexOf("?") < 0 ? query : "") + (fragment ? "#" + fragment : ""));
    });
  }

})();
