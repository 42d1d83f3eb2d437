/* The language switch keeps the section: on /living-areas/education/#bullying the link to the other
   language points to its #bullying too. A pillar's or area's pages carry the same heading ids in
   both languages (validate: heading-ids); where the other page lacks the id it opens at the top. */
(function () {
  "use strict";
  var links = document.querySelectorAll(".md-select__link[hreflang]");
  function follow() {
    links.forEach(function (link) {
      link.href = link.href.split("#")[0] + window.location.hash;
    });
  }
  window.addEventListener("hashchange", follow);
  follow();
})();
