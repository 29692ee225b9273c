// The language picker at "/": follows the browser's preferred languages, in order, when the site has one of them:
// the exact tag first (pt-BR), then the same language (pt for pt-BR, es-419 for es).
(function () {
  "use strict";
  var picker = document.getElementById("language-picker");
  if (!picker) return;
  var available = (picker.getAttribute("data-languages") || "").toLowerCase().split(" ");
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  function primary(tag) { return String(tag).toLowerCase().split("-")[0]; }
  for (var i = 0; i < preferred.length; i++) {
    var wanted = String(preferred[i]).toLowerCase();
    var match = available.indexOf(wanted) >= 0 ? wanted : null;
    for (var j = 0; !match && j < available.length; j++) {
      if (available[j] && primary(available[j]) === primary(wanted)) match = available[j];
    }
    if (match) {
      var links = picker.querySelectorAll("a[data-home]");
      for (var k = 0; k < links.length; k++) {
        if (links[k].getAttribute("data-home").toLowerCase() === match) { location.replace(links[k].href); return; }
      }
      return;
    }
  }
})();
