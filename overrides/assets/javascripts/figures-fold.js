/* The figures page: a table that follows a chart is a <details>, open in the HTML (so it is there without
   JavaScript, on paper and in the PDFs). On a small screen each chart with its open table fills a screen
   or more, so they start closed there, and the reader opens the table they want (figure_shortcodes.py).
   Printing opens them all again. */
(function () {
  "use strict";
  var folds = document.querySelectorAll("details[data-vt-fold]");
  if (window.matchMedia("(max-width: 44.9375em)").matches) {
    folds.forEach(function (fold) { fold.open = false; });
  }
  window.addEventListener("beforeprint", function () {
    folds.forEach(function (fold) { fold.open = true; });
  });
})();
