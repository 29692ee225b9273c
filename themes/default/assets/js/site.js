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
  // A button copies its data-copy text, or (data-copy-text) the citation beside it as the reader sees it, today's date included.
  var buttons = doc.querySelectorAll("button.copy[data-copy], button.copy[data-copy-text]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) {
      var button = event.currentTarget;
      var source = button.hasAttribute("data-copy-text") ? button.parentNode.querySelector(".cite-text") : null;
      copy(source ? source.textContent.replace(/\s+/g, " ").trim() : button.getAttribute("data-copy"), button);
    });
  }

  // The citations' access date: the build writes the date the content last changed (it never reads the clock); the
  // reader is citing today, so today's date replaces it, written by the page language's rule (body data-*).
  var accessed = doc.querySelectorAll("time.cite-accessed");
  var datePattern = doc.body.getAttribute("data-date-pattern");
  var months = (doc.body.getAttribute("data-months") || "").split("|");
  if (accessed.length && datePattern && months.length === 12) {
    var now = new Date();
    var day = now.getDate(), month = now.getMonth() + 1, year = now.getFullYear();
    var firstDay = doc.body.getAttribute("data-first-day");
    var today = datePattern.replace("{day}", day === 1 && firstDay ? firstDay : String(day))
      .replace("{month}", months[month - 1]).replace("{year}", String(year));
    var iso = year + "-" + (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day;
    for (var a = 0; a < accessed.length; a++) {
      accessed[a].textContent = today;
      accessed[a].setAttribute("datetime", iso);
    }
  }

  // Side by side with more than two languages: the page language and one other, chosen by the reader (?with=CODE).
  var parallel = doc.querySelector(".parallel[data-with]");
  var choices = doc.querySelectorAll(".compare a[data-with]");
  if (parallel && choices.length > 1) {
    var current = parallel.getAttribute("data-current");
    var wanted = new URLSearchParams(location.search).get("with");
    var known = Array.prototype.some.call(choices, function (a) { return a.getAttribute("data-with") === wanted; });
    var other = known ? wanted : parallel.getAttribute("data-with");
    var cells = parallel.querySelectorAll("[data-col]");
    for (var c = 0; c < cells.length; c++) {
      var col = cells[c].getAttribute("data-col");
      cells[c].hidden = col !== current && col !== other;
    }
    parallel.classList.add("comparing");
    for (var k = 0; k < choices.length; k++) {
      if (choices[k].getAttribute("data-with") === other) choices[k].setAttribute("aria-current", "true");
      else choices[k].removeAttribute("aria-current");
    }
  }

  // On a phone the references diagram is hidden (charter.css): its table, which says the same, is shown open instead.
  if (window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) {
    var tables = doc.querySelectorAll("details.diagram-table");
    for (var d = 0; d < tables.length; d++) tables[d].open = true;
  }

  // On a phone the sections' row scrolls sideways (charter.css): the current section is brought into it.
  var navRow = doc.querySelector(".site-nav ul");
  var currentSection = navRow ? navRow.querySelector("a[aria-current]") : null;
  if (navRow && currentSection && navRow.scrollWidth > navRow.clientWidth) {
    var item = currentSection.parentNode;
    if (item.offsetLeft + item.offsetWidth > navRow.scrollLeft + navRow.clientWidth) navRow.scrollLeft = item.offsetLeft + item.offsetWidth - navRow.clientWidth;
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

  // Words a search result matched (?mark=w1+w2, written by search.js): marked in the unit landed on (or the page's
  // main text when the address has no fragment), as whole words, whatever their case, as text nodes only.
  var marks = (new URLSearchParams(location.search).get("mark") || "").split(/[ +]/).filter(Boolean).map(function (w) { return w.toLowerCase(); });
  if (marks.length) {
    var target = location.hash ? doc.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var scope = target || doc.getElementById("main");
    if (scope) markWords(scope, marks);
  }
  function markWords(scope, words) {
    var wanted = new Set(words);
    var walker = doc.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark, .unit-tools, .cite, nav, button, summary") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var word = /[\p{L}\p{M}\p{N}]+/gu;
    nodes.forEach(function (node) {
      var value = node.nodeValue, cursor = 0, m, parts = [];
      word.lastIndex = 0;
      while ((m = word.exec(value)) !== null) {
        if (!wanted.has(m[0].toLowerCase())) continue;
        if (m.index > cursor) parts.push(doc.createTextNode(value.slice(cursor, m.index)));
        var mark = doc.createElement("mark");
        mark.className = "search-mark";
        mark.textContent = m[0];
        parts.push(mark);
        cursor = m.index + m[0].length;
      }
      if (!parts.length) return;
      if (cursor < value.length) parts.push(doc.createTextNode(value.slice(cursor)));
      var fragment = doc.createDocumentFragment();
      parts.forEach(function (part) { fragment.appendChild(part); });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  // Cite panels: one open at a time; Escape closes it and gives the focus back to its control; a click outside closes it.
  var panels = doc.querySelectorAll("details.cite");
  function closePanels(except) {
    for (var n = 0; n < panels.length; n++) if (panels[n] !== except && panels[n].open) panels[n].open = false;
  }
  for (var q = 0; q < panels.length; q++) {
    panels[q].addEventListener("toggle", function (event) {
      if (event.currentTarget.open) closePanels(event.currentTarget);
    });
  }
  doc.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = doc.querySelector("details.cite[open]");
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
  });
  doc.addEventListener("click", function (event) {
    var inside = event.target && event.target.closest ? event.target.closest("details.cite") : null;
    closePanels(inside);
  });

  // The language switch keeps the reader's place: the unit they were reading, or else the one in the URL.
  // The place is where the reader last came to rest among the units (scrolling stopped for a moment), so
  // scrolling back up to reach the switch, or a click that scrolls to it, does not lose it.
  var places = doc.querySelectorAll(".unit[id], .parallel-row[id]");
  var place = location.hash ? decodeURIComponent(location.hash.slice(1)) : null;
  function unitAtReadingLine() {
    // The first unit still showing below the top edge (a sliver of the previous one does not count).
    var line = Math.min(window.innerHeight * 0.2, 96);
    for (var k = 0; k < places.length; k++) {
      var rect = places[k].getBoundingClientRect();
      if (rect.bottom > line) return rect.top < window.innerHeight * 0.6 ? places[k].id : null;
    }
    return null;
  }
  var rest = 0;
  window.addEventListener("scroll", function () {
    window.clearTimeout(rest);
    rest = window.setTimeout(function () {
      var id = unitAtReadingLine();
      if (id) place = id;
    }, 400);
  }, { passive: true });
  window.addEventListener("hashchange", function () {
    if (location.hash) place = decodeURIComponent(location.hash.slice(1));
  });
  var switches = doc.querySelectorAll("a[data-lang-switch]");
  for (var s = 0; s < switches.length; s++) {
    switches[s].addEventListener("click", function (event) {
      var link = event.currentTarget;
      var base = link.getAttribute("href").split("#")[0];
      // The page's own parameters go along (?with= on the side-by-side page), but not a search's words, which are
      // in the page's language: the other language's search page opens empty rather than finding nothing.
      var params = new URLSearchParams(location.search);
      params.delete("q");
      params.delete("mark");
      var kept = params.toString();
      var query = base.indexOf("?") < 0 && kept ? "?" + kept : "";
      link.setAttribute("href", base + query + (place ? "#" + encodeURIComponent(place) : ""));
    });
  }

})();
