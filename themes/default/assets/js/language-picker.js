// The language picker at "/": follows the browser's preferred language when the site has it.
(function () {
  "use strict";
  var picker = document.getElementById("language-picker");
  if (!picker) return;
  var available = (picker.getAttribute("data-languages") || "").split(" ");
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var i = 0; i < preferred.length; i++) {
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (available.indexOf(code) >= 0) {
      var link = picker.querySelector('a[data-home="' + code + '"]');
      if (link) { location.replace(link.href); }
      return;
    }
  }
})();
