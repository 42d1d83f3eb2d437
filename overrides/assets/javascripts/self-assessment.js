/* Self-assessment (zelfscan): keeps the answers in this browser, shows progress and the result,
 * exports JSON and CSV, imports a JSON export to carry on or to compare.
 *
 * Nothing leaves the browser: no network requests at all. Everything the script needs (items, texts in
 * the page's language) is in <script type="application/json" id="vt-assessment-data">, so the page also
 * works opened from disk; the address of each pillar or area page comes from its link on this page. Text from files or storage is only ever set as textContent or as
 * a form value, never as HTML. The page works as a plain checklist when this script does not run.
 */
(function () {
  "use strict";

  var source = document.getElementById("vt-assessment-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var S = data.strings;
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_FILE = 1024 * 1024;
  // The look of the figures page's charts (scripts/veilige_toekomst/charts.py), drawn here in the browser.
  var CHART = { width: 400, font: 15, line: 19, bar: 16, gap: 14, valueSpace: 70, labelChars: 46,
                shortSpace: 50, solid: "#1f5c57", hatch: "#8a3b12", track: "#eaf0ef" };

  var items = [];
  var itemById = {};
  data.groups.forEach(function (group) {
    var link = document.querySelector('a[data-group-link="' + group.id + '"]');
    var page = link.getAttribute("href").split("#")[0];
    group.items.forEach(function (item) {
      item.group = group;
      item.url = page + "#" + item.anchor;
      items.push(item);
      itemById[item.id] = item;
    });
  });

  var state = emptyState();
  var comparison = null;  // {name, exportedAt, answers} while a file is put next to the answers
  var pendingImport = null;
  var storageWorks = true;

  var el = {
    tool: document.getElementById("vt-sa-tool"),
    progress: document.getElementById("vt-sa-progress"),
    organisation: document.getElementById("vt-sa-organisation"),
    progressBar: document.getElementById("vt-sa-progress-bar"),
    progressText: document.getElementById("vt-sa-progress-text"),
    message: document.getElementById("vt-sa-message"),
    file: document.getElementById("vt-sa-import-file"),
    dialog: document.getElementById("vt-sa-import-dialog"),
    results: document.getElementById("sa-results"),
    summary: document.getElementById("vt-sa-summary"),
    compare: document.getElementById("vt-sa-compare"),
    compareText: document.getElementById("vt-sa-compare-text"),
    charts: document.getElementById("vt-sa-charts"),
    gaps: document.getElementById("vt-sa-gaps")
  };

  function emptyState() {
    return { organisation: "", answers: {} };
  }

  // A counted message: its plural forms travel as key_one, key_other… (docs/strings.yml, plural.js).
  function counted(key, count) {
    var forms = {};
    Object.keys(S).forEach(function (name) {
      if (name.indexOf(key + "_") === 0) forms[name.slice(key.length + 1)] = S[name];
    });
    return window.vtPlural(forms, count);
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function make(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(text, isError) {
    el.message.textContent = text;
    el.message.classList.toggle("vt-sa-message--error", Boolean(isError));
  }

  // --- the export format: one check for storage, imports and what we write -------------------------

  function ImportProblem(message) { this.message = message; }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Returns {organisation, exportedAt, answers: {id: {rating, note}}, unknown: [ids]} or throws ImportProblem. */
  function readExport(doc) {
    if (!isPlainObject(doc) || doc.format !== data.format) throw new ImportProblem(S.sa_err_not_export);
    if (doc.version !== data.version) {
      throw new ImportProblem(fill(S.sa_err_version, { version: JSON.stringify(doc.version), supported: data.version }));
    }
    var invalid = function (detail) { return new ImportProblem(fill(S.sa_err_invalid, { detail: detail })); };
    var allowed = ["format", "version", "language", "exported_at", "organisation", "answers"];
    Object.keys(doc).forEach(function (key) { if (allowed.indexOf(key) < 0) throw invalid(key); });
    if (typeof doc.language !== "string" || !/^[a-z]{2}$/.test(doc.language)) throw invalid("language");
    if (typeof doc.exported_at !== "string" || isNaN(Date.parse(doc.exported_at))) throw invalid("exported_at");
    if (doc.organisation !== undefined &&
        (typeof doc.organisation !== "string" || doc.organisation.length > data.organisationMax)) throw invalid("organisation");
    if (!Array.isArray(doc.answers)) throw invalid("answers");
    var result = { organisation: doc.organisation || "", exportedAt: doc.exported_at, answers: {}, unknown: [] };
    doc.answers.forEach(function (answer, index) {
      var where = "answers[" + index + "]";
      if (!isPlainObject(answer)) throw invalid(where);
      Object.keys(answer).forEach(function (key) {
        if (["id", "rating", "note"].indexOf(key) < 0) throw invalid(where + "." + key);
      });
      if (typeof answer.id !== "string") throw invalid(where + ".id");
      if (answer.rating !== null && data.ratings.indexOf(answer.rating) < 0) throw invalid(where + ".rating");
      var note = answer.note === undefined ? "" : answer.note;
      if (typeof note !== "string" || note.length > data.noteMax) throw invalid(where + ".note");
      if (Object.prototype.hasOwnProperty.call(result.answers, answer.id) || result.unknown.indexOf(answer.id) >= 0) {
        throw invalid(where + ".id");
      }
      if (!Object.prototype.hasOwnProperty.call(itemById, answer.id)) {
        result.unknown.push(answer.id);
        return;
      }
      result.answers[answer.id] = { rating: answer.rating, note: note };
    });
    return result;
  }

  function toExport() {
    var answers = [];
    items.forEach(function (item) {
      var answer = state.answers[item.id];
      if (answer && (answer.rating || answer.note)) {
        answers.push({ id: item.id, rating: answer.rating || null, note: answer.note || "" });
      }
    });
    return { format: data.format, version: data.version, language: data.language,
             exported_at: new Date().toISOString(), organisation: state.organisation, answers: answers };
  }

  // --- keeping the answers in this browser ----------------------------------------------------------

  function save() {
    if (!storageWorks) return;
    try {
      window.localStorage.setItem(data.storageKey, JSON.stringify(toExport()));
    } catch (error) {
      storageWorks = false;
      say(S.sa_msg_saved_nowhere, true);
    }
  }

  function loadSaved() {
    var raw;
    try {
      raw = window.localStorage.getItem(data.storageKey);
    } catch (error) {
      storageWorks = false;
      say(S.sa_msg_saved_nowhere, true);
      return;
    }
    if (raw === null) return;
    try {
      var saved = readExport(JSON.parse(raw));
      state = { organisation: saved.organisation, answers: saved.answers };
      if (saved.unknown.length) say(counted("sa_msg_storage_unknown", saved.unknown.length));
    } catch (error) {
      // Damaged or from elsewhere: start clean, say so, and drop what cannot be read.
      state = emptyState();
      try { window.localStorage.removeItem(data.storageKey); } catch (ignored) { /* nothing more to do */ }
      say(S.sa_msg_storage_corrupt, true);
    }
  }

  function hasAnswers() {
    return Boolean(state.organisation) || Object.keys(state.answers).some(function (id) {
      return state.answers[id].rating || state.answers[id].note;
    });
  }

  // --- the form ---------------------------------------------------------------------------------

  function fieldset(id) {
    return document.querySelector('fieldset[data-item="' + id + '"]');
  }

  function showAnswers() {
    el.organisation.value = state.organisation;
    items.forEach(function (item) {
      var answer = state.answers[item.id] || {};
      var box = fieldset(item.id);
      Array.prototype.forEach.call(box.querySelectorAll('input[type="radio"]'), function (radio) {
        radio.checked = radio.value === answer.rating;
      });
      box.querySelector("textarea").value = answer.note || "";
      showRating(box, answer.rating);
      showNote(box, answer.note || "");
    });
  }

  function showRating(box, rating) {
    if (rating) box.setAttribute("data-rating", rating);
    else box.removeAttribute("data-rating");
  }

  /* The note as text too: a textarea does not print all of its text. */
  function showNote(box, note) {
    box.querySelector(".vt-sa-note-print").textContent = note;
    box.querySelector(".vt-sa-note").classList.toggle("vt-sa-note--empty", !note.trim());
  }

  function answerOf(id) {
    if (!state.answers[id]) state.answers[id] = { rating: null, note: "" };
    return state.answers[id];
  }

  function onChange(event) {
    var target = event.target;
    var box = target.closest && target.closest("fieldset[data-item]");
    if (target === el.organisation) {
      state.organisation = target.value.slice(0, data.organisationMax);
    } else if (box && target.type === "radio") {
      if (event.type !== "change") return;
      answerOf(box.getAttribute("data-item")).rating = target.value;
      showRating(box, target.value);
      update();
    } else if (box && target.tagName === "TEXTAREA") {
      answerOf(box.getAttribute("data-item")).note = target.value.slice(0, data.noteMax);
      showNote(box, target.value);
      if (event.type === "change") update();  // notes show in the result: redraw when typing stops
    } else {
      return;
    }
    save();
  }

  // --- progress and result ------------------------------------------------------------------------

  function counts(group, answers) {
    var c = { not_in_place: 0, partly: 0, in_place: 0, not_applicable: 0, unrated: 0 };
    group.items.forEach(function (item) {
      var rating = answers[item.id] && answers[item.id].rating;
      c[rating || "unrated"] += 1;
    });
    return c;
  }

  /* (in place + 0.5 × partly) / rated applicable items, as in assessment.py; null when nothing counts. */
  function score(c) {
    var applicable = c.in_place + c.partly + c.not_in_place;
    return applicable ? (c.in_place + 0.5 * c.partly) / applicable : null;
  }

  function percent(value) {
    return value === null ? S.sa_no_score : Math.round(value * 100) + "%";
  }

  function rated() {
    return items.filter(function (item) { return state.answers[item.id] && state.answers[item.id].rating; }).length;
  }

  function update() {
    var done = rated();
    el.progressBar.value = done;
    var text = fill(S.sa_progress, { rated: done, total: items.length });
    // The text is a live region: only rewrite it when it changes, so it is read out once.
    if (el.progressText.textContent !== text) el.progressText.textContent = text;
    drawResults();
  }

  function wrap(text, width) {
    var lines = [];
    var line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    return lines.concat(line ? [line] : []);
  }

  function svgNode(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Rows: [{label, bars: [{share (0..1 or null), text}]}]; series: [{name, short}], the second striped.
   * With two series each value starts with its series' short name, so a pair reads without colour. */
  function chart(id, title, description, rows, series) {
    var svg = svgNode("svg", { "class": "vt-chart-svg", role: "img", "aria-labelledby": id + "-title " + id + "-desc" });
    svg.appendChild(svgNode("title", { id: id + "-title" }, title));
    svg.appendChild(svgNode("desc", { id: id + "-desc" }, description));
    var styles = [{ fill: CHART.solid }, { fill: "url(#" + id + "-hatch)", stroke: CHART.hatch }];
    var y = 0;
    function rect(x, top, width, fill, stroke) {
      var attributes = { x: x, y: top, width: width, height: CHART.bar, fill: fill };
      if (stroke) { attributes.stroke = stroke; attributes["stroke-width"] = "1.5"; }
      svg.appendChild(svgNode("rect", attributes));
    }
    function text(x, top, content, bold) {
      var attributes = { x: x, y: top, "font-size": CHART.font, fill: "currentColor" };
      if (bold) attributes["font-weight"] = "bold";
      svg.appendChild(svgNode("text", attributes, content));
    }
    if (series.length > 1) {
      var defs = svgNode("defs", {});
      var pattern = svgNode("pattern", { id: id + "-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
                                          patternTransform: "rotate(45)" });
      pattern.appendChild(svgNode("rect", { width: 6, height: 6, fill: "#ffffff" }));
      pattern.appendChild(svgNode("rect", { width: 3, height: 6, fill: CHART.hatch }));
      defs.appendChild(pattern);
      svg.appendChild(defs);
      series.forEach(function (name, index) {
        rect(0, y + 3, 28, styles[index].fill, styles[index].stroke);
        text(36, y + CHART.bar, name.name);
        y += CHART.line + 4;
      });
      y += CHART.gap;
    }
    var paired = series.length > 1;
    var track = CHART.width - CHART.valueSpace - (paired ? CHART.shortSpace : 0);
    rows.forEach(function (row) {
      wrap(row.label, CHART.labelChars).forEach(function (line) {
        y += CHART.line;
        text(0, y - 4, line);
      });
      y += 4;
      row.bars.forEach(function (bar, index) {
        rect(0, y, track, CHART.track);
        var share = bar.share === null ? 0 : Math.max(0, Math.min(1, bar.share));
        rect(0, y, (share * track).toFixed(1), styles[index].fill, styles[index].stroke);
        text(track + 8, y + CHART.bar - 3, paired ? series[index].short + " " + bar.text : bar.text, true);
        y += CHART.bar + (series.length > 1 ? 3 : 0);
      });
      y += CHART.gap - (series.length > 1 ? 3 : 0);
    });
    svg.setAttribute("viewBox", "0 0 " + CHART.width + " " + (y - CHART.gap));
    return svg;
  }

  function table(caption, head, rows) {
    var node = make("table");
    node.appendChild(make("caption", {}, caption));
    var headRow = make("tr");
    head.forEach(function (name, index) {
      headRow.appendChild(make("th", { scope: "col", "class": index ? "vt-num" : "" }, name));
    });
    node.appendChild(make("thead")).appendChild(headRow);
    var body = node.appendChild(make("tbody"));
    rows.forEach(function (cells) {
      var tr = body.appendChild(make("tr"));
      cells.forEach(function (cell, index) {
        tr.appendChild(index ? make("td", { "class": "vt-num" }, cell) : make("th", { scope: "row" }, cell));
      });
    });
    return node;
  }

  function groupLabel(group) {
    return group.number + ". " + group.title;
  }

  function drawKind(kind) {
    var groups = data.groups.filter(function (group) { return group.kind === kind; });
    var title = S["sa_chart_title_" + kind];
    var id = "vt-sa-chart-" + kind;
    var series = comparison
      ? [{ name: S.sa_compare_yours, short: S.sa_compare_yours_short }, { name: S.sa_compare_col, short: S.sa_compare_col_short }]
      : [{ name: S.sa_score_col }];
    var rows = [];
    var descriptions = [];
    var tableRows = [];
    groups.forEach(function (group) {
      var mine = counts(group, state.answers);
      var value = score(mine);
      var bars = [{ share: value, text: value === null ? "–" : percent(value) }];
      var cells = [groupLabel(group), percent(value)];
      if (comparison) {
        var theirs = score(counts(group, comparison.answers));
        bars.push({ share: theirs, text: theirs === null ? "–" : percent(theirs) });
        var difference = value === null || theirs === null ? "–"
          : (value >= theirs ? "+" : "−") + Math.abs(Math.round(value * 100) - Math.round(theirs * 100));
        cells.push(percent(theirs), difference);
        descriptions.push(fill(S.sa_chart_desc_compare, { title: group.title, score: percent(value), compare: percent(theirs) }));
      } else {
        descriptions.push(fill(S.sa_chart_desc_item, { title: group.title, score: percent(value) }));
      }
      data.ratings.forEach(function (rating) { cells.push(String(mine[rating])); });
      cells.push(String(mine.unrated));
      rows.push({ label: groupLabel(group), bars: bars });
      tableRows.push(cells);
    });
    var head = [S[kind], comparison ? S.sa_compare_yours : S.sa_score_col];
    if (comparison) head.push(S.sa_compare_col, S.sa_difference_col);
    data.ratings.forEach(function (rating) { head.push(S["sa_rating_" + rating]); });
    head.push(S.sa_unrated_col);

    // The markup of the figures page (figure.vt-chart, .vt-figure-table), so figures.css styles both alike.
    var box = make("div", { "class": "vt-sa-chart", "data-kind": kind });
    var figure = box.appendChild(make("figure", { "class": "vt-chart" }));
    figure.appendChild(make("figcaption", {}, title));
    figure.appendChild(chart(id, title, fill(S.sa_chart_desc, { items: descriptions.join("; ") + "." }), rows, series));
    // On a phone the table scrolls sideways: the box is the scroller, so keyboards can reach it too.
    var scroller = make("div", { "class": "vt-figure-table", tabindex: "0", role: "region", "aria-label": title });
    box.appendChild(scroller).appendChild(table(title, head, tableRows));
    return box;
  }

  function drawGaps() {
    var box = make("div");
    var any = false;
    data.gapRatings.forEach(function (rating) {
      var gaps = items.filter(function (item) { return state.answers[item.id] && state.answers[item.id].rating === rating; });
      if (!gaps.length) return;
      any = true;
      box.appendChild(make("h4", {}, fill(S.sa_gap_rating, { rating: S["sa_rating_" + rating], number: gaps.length })));
      var list = box.appendChild(make("ul", { "class": "vt-sa-gap-list", "data-rating": rating }));
      gaps.forEach(function (item) {
        var entry = list.appendChild(make("li", { "data-item": item.id }));
        var line = entry.appendChild(make("p", { "class": "vt-sa-gap-text" }));
        line.appendChild(make("a", { href: item.url }, item.text));
        entry.appendChild(make("p", { "class": "vt-sa-gap-where" },
          fill(S.sa_item_where, { kind: S[item.group.kind], number: item.group.number, title: item.group.title })));
        var note = state.answers[item.id].note;
        if (note) {
          var p = entry.appendChild(make("p", { "class": "vt-sa-gap-note" }));
          p.appendChild(make("strong", {}, S.sa_gap_note));
          p.appendChild(document.createTextNode(" " + note));
        }
      });
    });
    if (!any) box.appendChild(make("p", {}, S.sa_gaps_none));
    return box;
  }

  function drawResults() {
    var all = { not_applicable: 0 };
    var done = rated();
    items.forEach(function (item) {
      if (state.answers[item.id] && state.answers[item.id].rating === "not_applicable") all.not_applicable += 1;
    });
    el.summary.textContent = fill(S.sa_summary, { rated: done, total: items.length, not_applicable: all.not_applicable });
    el.compare.hidden = !comparison;
    if (comparison) {
      el.compareText.textContent = fill(S.sa_compare_active, {
        file: comparison.name, date: comparison.exportedAt.slice(0, 10)
      });
    }
    el.charts.replaceChildren(drawKind("pillar"), drawKind("living_area"));
    el.gaps.replaceChildren(drawGaps());
  }

  // --- export ---------------------------------------------------------------------------------------

  function download(text, type, extension) {
    var name = S.sa_file_stem + "-" + new Date().toISOString().slice(0, 10) + "." + extension;
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = make("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(fill(S.sa_msg_exported, { file: name }));
  }

  function csvCell(value) {
    var text = String(value);
    // A cell starting with = + - @ would run as a formula in a spreadsheet: make it plain text.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[";,\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv() {
    var sep = data.csvSeparator;
    var lines = [[S.sa_csv_item, S.sa_csv_kind, S.sa_csv_group, S.sa_csv_text, S.sa_csv_rating, S.sa_csv_rating_label,
                  S.sa_csv_note]];
    items.forEach(function (item) {
      var answer = state.answers[item.id] || {};
      lines.push([item.id, S[item.group.kind], groupLabel(item.group), item.text, answer.rating || "",
                  answer.rating ? S["sa_rating_" + answer.rating] : "", answer.note || ""]);
    });
    // A byte order mark, so spreadsheet programs read the file as UTF-8.
    return "\ufeff" + lines.map(function (cells) { return cells.map(csvCell).join(sep); }).join("\r\n") + "\r\n";
  }

  // --- import ---------------------------------------------------------------------------------------

  function reject(text) {
    say(text + " " + S.sa_msg_import_kept, true);
  }

  function readFile(file) {
    if (file.size > MAX_FILE) return reject(S.sa_err_too_big);
    file.text().then(function (text) {
      var doc;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        return reject(S.sa_err_not_json);
      }
      var found;
      try {
        found = readExport(doc);
      } catch (error) {
        if (error instanceof ImportProblem) return reject(error.message);
        throw error;
      }
      if (found.unknown.length) {
        var shown = found.unknown.slice(0, 5).join(", ") + (found.unknown.length > 5 ? ", …" : "");
        return reject(fill(S.sa_err_unknown_ids, { ids: shown }));
      }
      found.name = file.name;
      if (hasAnswers()) {
        pendingImport = found;
        el.dialog.showModal();
      } else {
        replaceWith(found);
      }
    }, function () { reject(S.sa_err_read); });
  }

  function replaceWith(found) {
    state = { organisation: found.organisation, answers: found.answers };
    comparison = null;
    save();
    showAnswers();
    update();
    say(counted("sa_msg_imported", Object.keys(found.answers).length));
  }

  function compareWith(found) {
    comparison = found;
    update();
    say(S.sa_msg_comparing);
  }

  function closeDialog(choice) {
    var found = pendingImport;
    pendingImport = null;
    el.dialog.close();
    if (choice === "replace") replaceWith(found);
    else if (choice === "compare") compareWith(found);
    else say(S.sa_msg_import_kept);
  }

  // --- the buttons ----------------------------------------------------------------------------------

  var actions = {
    "export-json": function () {
      download(JSON.stringify(toExport(), null, 2) + "\n", "application/json", "json");
    },
    "export-csv": function () { download(toCsv(), "text/csv;charset=utf-8", "csv"); },
    "import": function () { el.file.value = ""; el.file.click(); },
    "print": function () { window.print(); },
    "delete": function () {
      if (!hasAnswers()) return say(S.sa_msg_nothing_to_delete);
      if (!window.confirm(S.sa_confirm_delete)) return;
      state = emptyState();
      comparison = null;
      try { window.localStorage.removeItem(data.storageKey); } catch (ignored) { /* nothing was stored */ }
      showAnswers();
      update();
      say(S.sa_msg_deleted);
    },
    "import-replace": function () { closeDialog("replace"); },
    "import-compare": function () { closeDialog("compare"); },
    "import-cancel": function () { closeDialog("cancel"); },
    "stop-compare": function () {
      comparison = null;
      update();
      say(S.sa_msg_compare_stopped);
    }
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-action]");
    if (button && actions[button.getAttribute("data-action")]) actions[button.getAttribute("data-action")]();
  });
  el.dialog.addEventListener("cancel", function (event) {  // Escape key
    event.preventDefault();
    closeDialog("cancel");
  });
  el.file.addEventListener("change", function () {
    if (el.file.files.length) readFile(el.file.files[0]);
  });
  document.addEventListener("change", onChange);
  document.addEventListener("input", onChange);

  loadSaved();
  showAnswers();
  update();
  el.tool.hidden = false;
  el.progress.hidden = false;
  document.documentElement.classList.add("vt-sa-ready");
  el.results.hidden = false;
})();
