/* Search in the reader's language only, with lunr.js (assets/search/lib/, pinned in package.json).
   The language's entries are a script next to this one (assets/search/index.<lang>.js), loaded with the
   library when someone searches, so it works from file:// too. No eval, no innerHTML: safe under the CSP.
   Each entry is a part of a page (its opening or one h2/h3 section); results are grouped by page, best
   part first, with a snippet whose matched words are marked. */
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
  var MAX_PAGES = 20, MAX_MORE = 3, SNIPPET = 200, MAX_CORRECTIONS = 5;
  var WORD_EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, WORD = /[\p{L}\p{N}]+/gu;
  var engine = null, waiting = null;

  function load(src, done) {
    var tag = document.createElement("script");
    tag.src = new URL(src, assets).href;
    tag.onload = done;
    document.head.appendChild(tag);
  }

  function loadAll(srcs, done) {
    if (!srcs.length) return done();
    load(srcs[0], function () { loadAll(srcs.slice(1), done); });
  }

  /* The index: titles count most, then headings, then the text; hyphenated words also written together.
     The site's own words, unstemmed, are kept as a lunr TokenSet to correct a query word with one typo. */
  function build(data) {
    var docs = {}, words = {};
    var index = lunr(function () {
      if (typeof lunr[data.lang] === "function") this.use(lunr[data.lang]);  // a lunr-languages stemmer
      this.ref("u");
      this.field("t", { boost: 8 });
      this.field("w", { boost: 8 });  // the title's hyphenated words written together
      this.field("h", { boost: 4 });
      this.field("d", { boost: 4 });
      this.field("v", { boost: 2 });
      this.field("x");
      data.docs.forEach(function (doc) {
        docs[doc.u] = doc;
        this.add(doc);
        lunr.tokenizer([doc.t, doc.h, doc.x].join(" ")).forEach(function (token) {
          var word = String(token).replace(WORD_EDGES, "");
          if (word.length > 3) words[word] = true;
        });
      }, this);
    });
    return { index: index, docs: docs, words: Object.keys(words).sort(), wordSet: null };
  }

  /* The library and index load once, at the first keystroke or search, whichever comes first. */
  function withEngine(done) {
    if (engine) return done(engine);
    if (waiting) return waiting.push(done);
    waiting = [done];
    load("search/index." + lang + ".js", function () {
      var data = window.vtSearchIndex[lang];
      loadAll(data.scripts.map(function (name) { return "search/lib/" + name; }), function () {
        engine = build(data);
        waiting.forEach(function (callback) { callback(engine); });
        waiting = null;
      });
    });
  }

  function stems(index, word) {
    return index.pipeline.runString(word).filter(Boolean);
  }

  function known(index, stem) {
    return Object.prototype.hasOwnProperty.call(index.invertedIndex, stem);
  }

  /* A compound the site writes apart (schoolgaan: "naar school gaan"): two known words, if no form of it is known. */
  function split(index, word) {
    for (var at = 3; at <= word.length - 3; at++) {
      var left = stems(index, word.slice(0, at)), right = stems(index, word.slice(at));
      if (left.length && right.length && known(index, left[0]) && known(index, right[0])) return [left[0], right[0]];
    }
    return null;
  }

  /* The site's words one typo away (a swap of two letters counts as one), as stems. */
  function corrected(found, word) {
    found.wordSet = found.wordSet || lunr.TokenSet.fromArray(found.words);  // built when first needed
    var near = found.wordSet.intersect(lunr.TokenSet.fromFuzzyString(word, 1)).toArray();
    var result = [];
    near.slice(0, MAX_CORRECTIONS).forEach(function (other) { result = result.concat(stems(found.index, other)); });
    return result;
  }

  /* The stems to look for: each word's own, also written together if hyphenated (psycho-educatie);
     for a word the site does not have: its one-typo neighbours, else the two words of a compound. */
  function terms(found, query) {
    var index = found.index, result = [];
    query.toLowerCase().split(/\s+/).forEach(function (word) {
      word = word.replace(WORD_EDGES, "");
      if (!word) return;
      var forms = lunr.tokenizer(word).map(String).reduce(function (all, part) { return all.concat(stems(index, part)); }, []);
      if (word.indexOf("-") >= 0) forms = forms.concat(stems(index, word.replace(/-/g, "")));
      if (forms.length && !forms.some(function (form) { return known(index, form); })) {
        var fixes = corrected(found, word);
        forms = fixes.length ? fixes : split(index, word) || forms;
      }
      result = result.concat(forms);
    });
    return result;
  }

  /* How many of the query's words the entry has as written: exact words rank above other word forms. */
  function literal(doc, query) {
    var text = (doc.t + " " + doc.h + " " + doc.x).toLowerCase();
    return query.toLowerCase().split(/\s+/).filter(function (word) { return word.length > 2 && text.indexOf(word) >= 0; }).length;
  }

  function search(found, query) {
    var wanted = terms(found, query);
    if (!wanted.length) return [];
    var matches = found.index.query(function (q) {
      wanted.forEach(function (term) {
        q.term(term, { usePipeline: false, boost: 10 });
        if (term.length >= 3) q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
        if (term.length >= 4) q.term(term, { usePipeline: false, editDistance: 1, boost: 1 });
      });
    });
    matches.forEach(function (match) { match.score *= 1 + literal(found.docs[match.ref], query); });
    return matches.sort(function (a, b) { return b.score - a.score; });
  }

  /* Character ranges of the text's words whose stems matched: worked out for the shown results only,
     cheaper than lunr keeping every word's position while it builds the index. */
  function marks(found, match, text) {
    var matched = match.matchData.metadata, ranges = [], word;
    WORD.lastIndex = 0;
    while ((word = WORD.exec(text))) {
      if (stems(found.index, word[0].toLowerCase()).some(function (stem) { return Object.prototype.hasOwnProperty.call(matched, stem); })) {
        ranges.push([word.index, word[0].length]);
      }
    }
    return ranges;
  }

  function snippet(text, ranges) {
    var p = document.createElement("p");
    var start = ranges.length ? Math.max(0, ranges[0][0] - 60) : 0;
    if (start) start = text.indexOf(" ", start) + 1;
    var end = Math.min(text.length, start + SNIPPET), at = start;
    if (end < text.length && text.lastIndexOf(" ", end) > start) end = text.lastIndexOf(" ", end);  // end at a whole word
    if (start) p.appendChild(document.createTextNode("… "));
    ranges.forEach(function (range) {
      if (range[0] < at || range[0] + range[1] > end) return;
      p.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[0] + range[1]);
      p.appendChild(mark);
      at = range[0] + range[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return p;
  }

  function link(doc) {
    var a = document.createElement("a");
    a.href = new URL(doc.u, siteRoot).href;
    a.textContent = doc.h ? doc.t + " › " + doc.h : doc.t;
    return a;
  }

  function grouped(matches, docs) {
    var pages = [], byPage = {};
    matches.forEach(function (match) {
      var doc = docs[match.ref], key = doc.u.split("#")[0];
      if (!byPage[key]) {
        byPage[key] = { best: match, more: [] };
        pages.push(byPage[key]);
      } else if (byPage[key].more.length < MAX_MORE) {
        byPage[key].more.push(doc);
      }
    });
    return pages.slice(0, MAX_PAGES);
  }

  /* When nothing is found: the same search in the site's other languages (the language menu's links). */
  function otherLanguages(query) {
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    var offer = document.createElement("p");
    offer.className = "vt-search__other";
    offer.appendChild(document.createTextNode(form.getAttribute("data-vt-search_other_language").replace("{q}", query) + " "));
    Array.prototype.forEach.call(links, function (other) {
      if (other.getAttribute("hreflang") === lang) return;
      var url = new URL(other.href);
      url.searchParams.set("q", query);
      var a = document.createElement("a");
      a.href = url.href;
      a.hreflang = other.getAttribute("hreflang");
      a.lang = a.hreflang;
      a.textContent = other.textContent.trim();
      offer.appendChild(a);
      offer.appendChild(document.createTextNode(" "));
    });
    return offer;
  }

  function show(query, found) {
    var pages = grouped(search(found, query), found.docs);
    list.textContent = "";
    var previous = list.parentNode.querySelector(".vt-search__other");
    if (previous) previous.remove();
    pages.forEach(function (hit) {
      var doc = found.docs[hit.best.ref];
      var item = document.createElement("li");
      item.appendChild(link(doc));
      item.appendChild(snippet(doc.x, marks(found, hit.best, doc.x)));
      if (hit.more.length) {
        var more = document.createElement("ul");
        hit.more.forEach(function (other) {
          var li = document.createElement("li");
          li.appendChild(link(other));
          more.appendChild(li);
        });
        item.appendChild(more);
      }
      list.appendChild(item);
    });
    if (!pages.length) list.after(otherLanguages(query));
    var template = pages.length
      ? window.vtPlural(form.getAttribute("data-vt-search_results"), pages.length)
      : form.getAttribute("data-vt-search_no_results");
    status.textContent = template.replace("{q}", query);
  }

  function run(query) {
    if (!query.trim()) return;
    withEngine(function (found) { show(query, found); });
  }

  input.addEventListener("input", function () { withEngine(function () {}); }, { once: true });
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
