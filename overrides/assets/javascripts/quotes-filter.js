/* Filters on the quotes page (Stemmen van kinderen / Children's voices).
   The page works without this script: every quote is in the HTML, grouped by theme. The script shows
   the form, hides the quotes that do not match and says how many are left in a live region.
   A separate file with no inline handlers, so a strict Content-Security-Policy can allow it. */
(function () {
  "use strict";

  var root = document.querySelector("[data-vt-quotes]");
  if (!root) {
    return;
  }
  var form = root.querySelector("[data-vt-quotes-filter]");
  var status = root.querySelector("[data-vt-quotes-status]");
  var quotes = Array.prototype.slice.call(root.querySelectorAll("figure.vt-quote"));
  var groups = Array.prototype.slice.call(root.querySelectorAll("[data-vt-quotes-group]"));

  function chosen(name) {
    return form.elements[name].value;
  }

  function message(count) {
    if (count === 0) {
      return root.getAttribute("data-shown-none");
    }
    return window.vtPlural(root.getAttribute("data-shown"), count);
  }

  function apply() {
    var age = chosen("age");
    var setting = chosen("setting");
    var theme = chosen("theme");
    var count = 0;
    quotes.forEach(function (quote) {
      var match = (!age || quote.getAttribute("data-age-group") === age) &&
        (!setting || quote.getAttribute("data-setting") === setting) &&
        (!theme || quote.getAttribute("data-themes").split(" ").indexOf(theme) >= 0);
      quote.hidden = !match;
      if (match) {
        count += 1;
      }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("figure.vt-quote:not([hidden])");
    });
    // Screen readers only speak a live region when its text changes: make a repeated count differ.
    var text = message(count);
    status.textContent = status.textContent === text ? text + "\u00a0" : text;
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.querySelector("[data-vt-quotes-reset]").addEventListener("click", function () {
    form.reset();
    apply();
  });
  form.hidden = false;
  // The browser may restore earlier choices when the visitor comes back to the page.
  if (chosen("age") || chosen("setting") || chosen("theme")) {
    apply();
  }
}());
