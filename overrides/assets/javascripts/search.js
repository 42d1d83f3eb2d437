/* Search in the reader's language only. The index of the page's language is a script next to
   this one (assets/search/index.<lang>.js), loaded when someone searches, so it works from file:// too. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.vt-search");
  if (!form || !script) return;
  var lang = document.documentElement.lang || "nl";
  var assets = new URL("../", script.src);
  var siteRoot = new URL("../", assets);
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".vt-search__status");
  var list = document.querySelector(".vt-search__results");

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function loadIndex(done) {
    if (window.vtSearchIndex && window.vtSearchIndex[lang]) return done(window.vtSearchIndex[lang]);
    var tag = document.createElement("script");
    tag.src = new URL("search/index." + lang + ".js", assets).href;
    tag.onload = function () { done((window.vtSearchIndex || {})[lang] || []); };
    document.head.appendChild(tag);
  }

  function score(entry, terms) {
    var title = fold(entry.title), headings = fold(entry.headings.join(" ")), text = fold(entry.text);
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], hits = text.split(term).length - 1;
      if (!hits && title.indexOf(term) < 0 && headings.indexOf(term) < 0) return 0;
      total += (title.indexOf(term) >= 0 ? 10 : 0) + (headings.indexOf(term) >= 0 ? 4 : 0) + Math.min(hits, 10);
    }
    return total;
  }

  function snippet(entry, term) {
    var at = fold(entry.text).indexOf(term);
    if (at < 0) return entry.text.slice(0, 160);
    var start = Math.max(0, at - 60);
    if (start) start = entry.text.indexOf(" ", start) + 1;  // begin at a whole word
    return (start ? "… " : "") + entry.text.slice(start, start + 180) + " …";
  }

  function show(query, index) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var found = index.map(function (entry) { return { entry: entry, score: score(entry, terms) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score; });
    list.textContent = "";
    found.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(hit.entry.url, siteRoot).href;
      link.textContent = hit.entry.title;
      var text = document.createElement("p");
      text.textContent = snippet(hit.entry, terms[0]);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    var template = found.length
      ? window.vtPlural(form.getAttribute("data-vt-search_results"), found.length)
      : form.getAttribute("data-vt-search_no_results");
    status.textContent = template.replace("{q}", query);
  }

  function run(query) {
    if (!query.trim()) return;
    loadIndex(function (index) { show(query, index); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url.href);
    run(query);
  });
  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
