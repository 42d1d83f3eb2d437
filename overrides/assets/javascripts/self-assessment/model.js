/* Self-assessment, part 3 of 7: the items, the answers in memory, the score, and the export format
 * (read with the JSON Schema from base.js; written as the newest version). */
(function () {
  "use strict";
  var sa = window.VT && window.VT.sa;
  if (!sa) return;
  var data = sa.data;
  var S = sa.S;

  /* The pillars and living areas, read from the checklist the page has without script:
   * [{id, kind, number, title, items: [{id, text, url, group}]}], in booklet order. */
  sa.items = [];
  sa.itemById = {};
  data.groups = [].map.call(document.querySelectorAll(".vt-sa-group"), function (element) {
    var group = { id: element.dataset.group, kind: element.dataset.kind, number: Number(element.dataset.number),
                  title: element.dataset.title, items: [] };
    var link = document.querySelector('a[data-group-link="' + group.id + '"]');
    var page = link ? link.getAttribute("href").split("#")[0] : "";
    [].forEach.call(element.querySelectorAll(".vt-sa-item"), function (fieldset) {
      var item = { id: fieldset.dataset.item, text: fieldset.querySelector("legend").textContent,
                   url: page + "#" + fieldset.dataset.anchor, group: group };
      group.items.push(item);
      sa.items.push(item);
      sa.itemById[item.id] = item;
    });
    return group;
  });

  /* What this browser holds: answers {id: {rating, note, at}}, actions {id: {what, who, due, status, at}},
   * consensus {id: {rating, at}}, meta {organisation, name: {value, at}}. */
  sa.state = { answer: {}, action: {}, consensus: {}, meta: {} };

  sa.answer = function (id) { return sa.state.answer[id] || { rating: null, note: "", at: 0 }; };
  sa.meta = function (name) { return (sa.state.meta[name] || { value: "" }).value; };

  sa.groupLabel = function (group) { return group.number + ". " + group.title; };

  /* Items per rating ("unrated" for none) in a group, for answers {id: {rating}}. */
  sa.counts = function (group, answers) {
    var c = { not_in_place: 0, partly: 0, in_place: 0, not_applicable: 0, unrated: 0 };
    group.items.forEach(function (item) {
      var rating = answers[item.id] && answers[item.id].rating;
      c[rating || "unrated"] += 1;
    });
    return c;
  };

  /* (in place + 0.5 × partly) / rated applicable items, as core/assessment.py; null when nothing counts. */
  sa.score = function (c) {
    var applicable = c.in_place + c.partly + c.not_in_place;
    return applicable ? (c.in_place + 0.5 * c.partly) / applicable : null;
  };

  /* A whole percentage with halves rounded up, as assessment.percent(); a text when there is no score. */
  sa.percent = function (value) {
    return value === null ? S.sa_no_score : Math.floor(value * 100 + 0.5) + "%";
  };

  sa.rated = function (answers) {
    return sa.items.filter(function (item) { return answers[item.id] && answers[item.id].rating; }).length;
  };

  // --- the export format ------------------------------------------------------------------------------

  function ImportProblem(message) { this.message = message; }
  sa.ImportProblem = ImportProblem;

  /* Reads an export checked against `schema` (sa.schema's): returns {version, language, organisation,
   * name, exportedAt, answers: {id: {rating, note, at}}, actions: {id: {...}}, unknown: [ids]} or throws
   * ImportProblem with a message for a person. */
  sa.readExport = function (doc, schema) {
    if (!sa.isPlainObject(doc) || doc.format !== data.format) throw new ImportProblem(S.sa_err_not_export);
    if (data.versions.indexOf(doc.version) < 0) {
      throw new ImportProblem(sa.t("sa_err_version", { version: JSON.stringify(doc.version), supported: data.versions.join(", ") }));
    }
    var problem = sa.validate(doc, schema);
    if (problem) throw new ImportProblem(sa.t("sa_err_invalid", { detail: problem }));
    var at = Date.parse(doc.exported_at);
    var result = { version: doc.version, language: doc.language, organisation: doc.organisation || "",
                   name: doc.name || "", exportedAt: doc.exported_at, answers: {}, actions: {}, unknown: [] };
    doc.answers.forEach(function (answer, index) {
      if (sa.has(result.answers, answer.id) || result.unknown.indexOf(answer.id) >= 0) {
        throw new ImportProblem(sa.t("sa_err_invalid", { detail: "answers[" + index + "].id" }));
      }
      if (!sa.has(sa.itemById, answer.id)) return result.unknown.push(answer.id);
      result.answers[answer.id] = { rating: answer.rating, note: answer.note || "",
                                    at: answer.answered_at ? Date.parse(answer.answered_at) : at };
    });
    (doc.actions || []).forEach(function (action) {
      if (!sa.has(sa.itemById, action.id)) return;
      result.actions[action.id] = { what: action.what, who: action.who, due: action.due, status: action.status, at: at };
    });
    return result;
  };

  function iso(ms) { return new Date(ms).toISOString(); }

  /* The answers, the name and the action plan as an export of the newest version. */
  sa.toExport = function () {
    var answers = [];
    var actions = [];
    sa.items.forEach(function (item) {
      var answer = sa.state.answer[item.id];
      if (answer && (answer.rating || answer.note)) {
        var entry = { id: item.id, rating: answer.rating || null, note: answer.note || "" };
        if (answer.at) entry.answered_at = iso(answer.at);
        answers.push(entry);
      }
      var action = sa.state.action[item.id];
      if (action && (action.what || action.who || action.due)) {
        actions.push({ id: item.id, what: action.what, who: action.who, due: action.due, status: action.status });
      }
    });
    var doc = { format: data.format, version: data.versions[data.versions.length - 1], language: data.language,
                exported_at: new Date().toISOString(), organisation: sa.meta("organisation") };
    if (sa.meta("name")) doc.name = sa.meta("name");
    doc.answers = answers;
    if (actions.length) doc.actions = actions;
    return doc;
  };

  function csvCell(value) {
    var text = String(value);
    // A cell starting with = + - @ would run as a formula in a spreadsheet: make it plain text.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[";,\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* Rows (arrays of cells) as CSV with the page language's separator and a byte order mark, so
   * spreadsheet programs read it as UTF-8. */
  sa.csv = function (rows) {
    return "\ufeff" + rows.map(function (cells) { return cells.map(csvCell).join(data.csvSeparator); }).join("\r\n") + "\r\n";
  };

  sa.answersCsv = function () {
    var rows = [[S.sa_csv_item, S.sa_csv_kind, S.sa_csv_group, S.sa_csv_text, S.sa_csv_rating, S.sa_csv_rating_label, S.sa_csv_note]];
    sa.items.forEach(function (item) {
      var answer = sa.answer(item.id);
      rows.push([item.id, S[item.group.kind], sa.groupLabel(item.group), item.text, answer.rating || "",
                 answer.rating ? S["sa_rating_" + answer.rating] : "", answer.note || ""]);
    });
    return sa.csv(rows);
  };
})();
