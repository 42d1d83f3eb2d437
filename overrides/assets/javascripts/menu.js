/* The phone menu (Material's drawer, below 76.25em: phones, and desktops zoomed to 200% or more) as a
   keyboard can use it. The header's control is a real <button> (partials/header.html) with
   aria-expanded; Enter and Space open and close it like any button. Opening moves focus to the first
   link in the menu; Escape, the button or the overlay closes it and focus returns to the button.
   While the drawer is closed its links are inert: Tab skips them instead of walking through about
   50 links that are off the screen. On a wide screen the menu is a visible sidebar and never inert. */
(function () {
  "use strict";
  var button = document.querySelector("[data-vt-menu-button]");
  var toggle = document.getElementById("__drawer");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!button || !toggle || !drawer) return;
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  drawer.id = drawer.id || "vt-menu";
  button.setAttribute("aria-controls", drawer.id);

  function sync() {
    var open = toggle.checked;
    button.setAttribute("aria-expanded", String(open));
    if (narrow.matches && !open) drawer.setAttribute("inert", "");
    else drawer.removeAttribute("inert");
  }

  function setOpen(open) {
    toggle.checked = open;
    sync();
    if (open) {
      var first = drawer.querySelector("a[href], label[tabindex], input");
      if (first) first.focus();
    } else {
      button.focus();
    }
  }

  button.addEventListener("click", function () {
    setOpen(!toggle.checked);
  });
  // The overlay and the drawer's own title close it by the checkbox: follow it.
  toggle.addEventListener("change", function () {
    sync();
    if (!toggle.checked && drawer.contains(document.activeElement)) button.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked && narrow.matches) {
      event.preventDefault();
      setOpen(false);
    }
  });
  narrow.addEventListener("change", sync);
  sync();
})();
