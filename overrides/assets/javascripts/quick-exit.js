/* Quick exit, after GOV.UK's "Exit this page": hide the page at once and replace it in the
   history with a neutral site, so Back does not return here. Also on Shift pressed three times. */
(function () {
  "use strict";
  var button = document.getElementById("vt-quick-exit");
  if (!button) return;
  var target = button.getAttribute("data-vt-quick-exit");
  var status = document.querySelector("[data-vt-shift-status]");
  var message = button.getAttribute("data-vt-shift-message") || "";
  var presses = 0;
  var timer = null;

  function exit(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("vt-exiting");
    document.title = "";
    window.location.replace(target);
  }

  function reset() {
    presses = 0;
    if (status) status.textContent = "";
  }

  button.addEventListener("click", exit);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      reset();
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= 3) {
      exit();
      return;
    }
    if (status) status.textContent = message.replace("{n}", String(3 - presses));
    timer = window.setTimeout(reset, 5000);
  });
})();
