/* Quick exit, after GOV.UK's "Exit this page": hide the page at once and replace it in the
   history with a neutral site; also on Shift pressed three times on its own.

   Shift ×3 counts a Shift *release* (keyup) only when no other key went down or up since the
   previous Shift event, so Shift used for a capital (Shift+A, or Shift let go just before A) never
   counts, and a left and a right Shift in turn count alike. A release without a press counts too:
   on-screen keyboards (iOS) toggle Shift without sending the press a desktop sends. Any other key,
   or 5 seconds without a press, starts the count again.

   With the organisation setting "single-entry visit" (data-vt-single-entry on the button), every
   link inside the site replaces the current history entry instead of adding one, so the whole visit
   is one entry and the exit replaces that: Back then leads to the page before the site.
   No referrer goes to the exit target: every page has <meta name="referrer" content="no-referrer">. */
(function () {
  "use strict";
  var button = document.getElementById("vt-quick-exit");
  if (!button) return;
  var target = button.getAttribute("data-vt-quick-exit");
  var status = document.querySelector("[data-vt-shift-status]");
  var forms = button.getAttribute("data-vt-shift-message");
  var presses = 0;
  var otherKeySinceShift = false;
  var timer = null;

  function exit(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("vt-exiting");
    document.title = "";
    window.location.replace(target);
  }

  function reset() {
    presses = 0;
    window.clearTimeout(timer);
    if (status) status.textContent = "";
  }

  function announce(left) {
    if (status) status.textContent = window.vtPlural(forms, left);
  }

  function isShift(event) {
    return event.key === "Shift";
  }

  button.addEventListener("click", exit);
  document.addEventListener(
    "keydown",
    function (event) {
      if (isShift(event)) {
        if (!event.repeat) otherKeySinceShift = false;
        return;
      }
      otherKeySinceShift = true;
      if (presses) reset();
    },
    true
  );
  document.addEventListener(
    "keyup",
    function (event) {
      if (!isShift(event)) {
        otherKeySinceShift = true;
        if (presses) reset();
        return;
      }
      var used = otherKeySinceShift;
      otherKeySinceShift = false;
      if (used) return; // Shift was a modifier for another key
      presses += 1;
      window.clearTimeout(timer);
      if (presses >= 3) {
        presses = 0;
        exit();
        return;
      }
      announce(3 - presses);
      timer = window.setTimeout(reset, 5000);
    },
    true
  );

  // A page restored from the back-forward cache must not stay blank.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("vt-exiting");
    reset();
  });

  if (!button.hasAttribute("data-vt-single-entry")) return;
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link === button || link.hasAttribute("download")) return;
    if (link.target && link.target !== "_self") return;
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    window.location.replace(url.href);
  });
})();
