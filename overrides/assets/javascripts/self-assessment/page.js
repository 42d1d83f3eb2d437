/* Self-assessment, part 7 of 7: the page wiring: form, progress, result, buttons, tabs kept in step. */
(function () {
  "use strict";
  var sa = window.VT && window.VT.sa;
  if (!sa) return;
  var S = sa.S;
  var data = sa.data;
  var store = sa.store;
  var earlier = null;  // an earlier round (or a colleague's file) shown next to the answers
  var pendingImport = null;
  var planKey = "";

  function byId(id) { return document.getElementById(id); }
  var el = {
    tool: byId("vt-sa-tool"), progress: byId("vt-sa-progress"), organisation: byId("vt-sa-organisation"),
    name: byId("vt-sa-name"), progressBar: byId("vt-sa-progress-bar"), progressText: byId("vt-sa-progress-text"),
    message: byId("vt-sa-message"), file: byId("vt-sa-import-file"), dialog: byId("vt-sa-import-dialog"),
    results: byId("sa-results"), summary: byId("vt-sa-summary"), compare: byId("vt-sa-compare"),
    compareText: byId("vt-sa-compare-text"), charts: byId("vt-sa-charts"), gaps: byId("vt-sa-gaps"),
    teamFiles: byId("vt-sa-team-files"), teamDrop: byId("vt-sa-team-drop"), teamMessages: byId("vt-sa-team-messages"),
    team: byId("vt-sa-team-result"), plan: byId("vt-sa-plan")
  };

  function say(text, isError) {
    el.message.textContent = text;
    el.message.classList.toggle("vt-sa-message--error", Boolean(isError));
  }

  function fieldset(id) { return document.querySelector('fieldset[data-item="' + id + '"]'); }

  function showAnswer(id) {
    var answer = sa.answer(id);
    var box = fieldset(id);
    Array.prototype.forEach.call(box.querySelectorAll('input[type="radio"]'), function (radio) {
      radio.checked = radio.value === answer.rating;
    });
    var textarea = box.querySelector("textarea");
    if (textarea.value !== answer.note) textarea.value = answer.note;
    if (answer.rating) box.setAttribute("data-rating", answer.rating);
    else box.removeAttribute("data-rating");
    // The note as text too: a textarea does not print all of its text.
    box.querySelector(".vt-sa-note-print").textContent = answer.note;
    box.querySelector(".vt-sa-note").classList.toggle("vt-sa-note--empty", !answer.note.trim());
  }

  function showAll() {
    el.organisation.value = sa.meta("organisation");
    el.name.value = sa.meta("name");
    sa.items.forEach(function (item) { showAnswer(item.id); });
  }

  function hasAnswers() {
    return Boolean(sa.meta("organisation")) || sa.items.some(function (item) {
      return sa.answer(item.id).rating || sa.answer(item.id).note;
    });
  }

  /* Keeps a change in memory and in storage, stamped now. */
  function put(kind, id, record) {
    record.at = Date.now();
    sa.state[kind][id] = store.put(kind, id, record);
  }

  function onChange(event) {
    var target = event.target;
    var box = target.closest && target.closest("fieldset[data-item]");
    if (target === el.organisation || target === el.name) {
      put("meta", target === el.name ? "name" : "organisation", { value: target.value.slice(0, target.maxLength) });
    } else if (box && target.type === "radio") {
      if (event.type !== "change") return;
      var id = box.getAttribute("data-item");
      put("answer", id, { rating: target.value, note: sa.answer(id).note });
      showAnswer(id);
      update();
    } else if (box && target.tagName === "TEXTAREA") {
      var item = box.getAttribute("data-item");
      put("answer", item, { rating: sa.answer(item).rating, note: target.value.slice(0, data.noteMax) });
      showAnswer(item);
      if (event.type === "change") update();  // notes show in the result: redraw when typing stops
    } else if (target.hasAttribute && target.hasAttribute("data-consensus")) {
      if (event.type !== "change") return;
      put("consensus", target.getAttribute("data-consensus"), { rating: target.value || null });
      update();
    } else if (target.hasAttribute && target.hasAttribute("data-action-field")) {
      var planned = target.getAttribute("data-item");
      var action = sa.action(planned);
      var record = { what: action.what, who: action.who, due: action.due, status: action.status };
      record[target.getAttribute("data-action-field")] = target.value;
      put("action", planned, record);
    }
  }

  function update() {
    var done = sa.rated(sa.state.answer);
    el.progressBar.value = done;
    var text = sa.t("sa_progress", { rated: done, total: sa.items.length });
    // The text is a live region: only rewrite it when it changes, so it is read out once.
    if (el.progressText.textContent !== text) el.progressText.textContent = text;
    var notApplicable = sa.items.filter(function (item) { return sa.answer(item.id).rating === "not_applicable"; }).length;
    el.summary.textContent = sa.t("sa_summary", { rated: done, total: sa.items.length }) + " " +
      sa.t("sa_summary_not_applicable", { count: notApplicable });
    el.compare.hidden = !earlier;
    if (earlier) el.compareText.textContent = sa.t("sa_compare_active", { file: earlier.file, date: earlier.exportedAt.slice(0, 10) });
    el.charts.replaceChildren(sa.drawKind("pillar", sa.state.answer, earlier), sa.drawKind("living_area", sa.state.answer, earlier));
    el.gaps.replaceChildren(sa.drawGaps(sa.state.answer));
    el.team.replaceChildren(sa.drawTeam());
    drawPlan(false);
  }

  /* The plan's fields are only rebuilt when its items change (or another tab changed it), so typing
   * in them keeps the focus. */
  function drawPlan(force) {
    var key = sa.planItems().map(function (item) { return item.id + sa.effectiveRating(item.id); }).join(",");
    if (!force && key === planKey) return;
    planKey = key;
    el.plan.replaceChildren(sa.drawPlan());
  }

  // --- other tabs ------------------------------------------------------------------------------------

  store.onChange(function (change) {
    if (change.kind === "full") return say(S.sa_msg_storage_full, true);
    if (change.kind === "room") return say(S.sa_msg_storage_room);
    if (change.kind === "cleared") {
      sa.state = { answer: {}, action: {}, consensus: {}, meta: {} };
    } else {
      var mine = sa.state[change.kind][change.id];
      if (change.record === null) delete sa.state[change.kind][change.id];
      else if (!mine || change.record.at >= mine.at) sa.state[change.kind][change.id] = change.record;
      else return;
    }
    showAll();
    update();
    drawPlan(change.kind === "action" || change.kind === "cleared");
  });

  // --- import and export -------------------------------------------------------------------------------

  function reject(text) { say(text + " " + S.sa_msg_import_kept, true); }

  function onImport(file) {
    sa.readFile(file).then(function (found) {
      if (found.unknown.length) {
        var shown = found.unknown.slice(0, 5).join(", ") + (found.unknown.length > 5 ? ", …" : "");
        return reject(sa.t("sa_err_unknown_ids", { ids: shown }));
      }
      if (hasAnswers()) {
        pendingImport = found;
        el.dialog.showModal();
      } else {
        replaceWith(found);
      }
    }, function (problem) {
      if (!(problem instanceof sa.ImportProblem)) throw problem;
      reject(problem.message);
    });
  }

  function replaceWith(found) {
    store.removeAll();
    sa.state = { answer: {}, action: {}, consensus: {}, meta: {} };
    Object.keys(found.answers).forEach(function (id) { sa.state.answer[id] = store.put("answer", id, found.answers[id]); });
    Object.keys(found.actions).forEach(function (id) { sa.state.action[id] = store.put("action", id, found.actions[id]); });
    var at = Date.parse(found.exportedAt);
    sa.state.meta.organisation = store.put("meta", "organisation", { value: found.organisation, at: at });
    sa.state.meta.name = store.put("meta", "name", { value: found.name, at: at });
    earlier = null;
    showAll();
    update();
    drawPlan(true);
    say(sa.t("sa_msg_imported", { count: Object.keys(found.answers).length }));
  }

  function closeDialog(choice) {
    var found = pendingImport;
    pendingImport = null;
    el.dialog.close();
    if (choice === "replace") {
      replaceWith(found);
    } else if (choice === "compare") {
      earlier = found;
      update();
      say(S.sa_msg_comparing);
    } else {
      say(S.sa_msg_import_kept);
    }
  }

  function exported(name) { say(sa.t("sa_msg_exported", { file: name })); }

  function addTeam(files) {
    if (!files.length) return;
    sa.addTeamFiles(files).then(function (results) {
      el.teamMessages.replaceChildren.apply(el.teamMessages, results.map(function (result) {
        var entry = sa.make("li", { "class": result.error ? "vt-sa-message--error" : null });
        entry.appendChild(sa.make("strong", {}, result.file + ": "));
        entry.appendChild(document.createTextNode((result.error ? S.sa_team_not_added + " " : "") + result.text));
        return entry;
      }));
      update();
    });
  }

  var actions = {
    "export-json": function () {
      exported(sa.download(JSON.stringify(sa.toExport(), null, 2) + "\n", "application/json", S.sa_file_stem, "json"));
    },
    "export-csv": function () { exported(sa.download(sa.answersCsv(), "text/csv;charset=utf-8", S.sa_file_stem, "csv")); },
    "export-plan-csv": function () { exported(sa.download(sa.planCsv(), "text/csv;charset=utf-8", S.sa_plan_file_stem, "csv")); },
    "import": function () { el.file.value = ""; el.file.click(); },
    "team-add": function () { el.teamFiles.value = ""; el.teamFiles.click(); },
    "team-clear": function () { sa.team = []; el.teamMessages.replaceChildren(); update(); },
    "print": function () { window.print(); },
    "delete": function () {
      if (!hasAnswers()) return say(S.sa_msg_nothing_to_delete);
      if (!window.confirm(S.sa_confirm_delete)) return;
      store.removeAll();
      sa.state = { answer: {}, action: {}, consensus: {}, meta: {} };
      earlier = null;
      showAll();
      update();
      drawPlan(true);
      say(S.sa_msg_deleted);
    },
    "import-replace": function () { closeDialog("replace"); },
    "import-compare": function () { closeDialog("compare"); },
    "import-cancel": function () { closeDialog("cancel"); },
    "stop-compare": function () { earlier = null; update(); say(S.sa_msg_compare_stopped); }
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-action]");
    if (button && actions[button.getAttribute("data-action")]) actions[button.getAttribute("data-action")]();
  });
  el.dialog.addEventListener("cancel", function (event) {  // Escape key
    event.preventDefault();
    closeDialog("cancel");
  });
  el.file.addEventListener("change", function () { if (el.file.files.length) onImport(el.file.files[0]); });
  el.teamFiles.addEventListener("change", function () { addTeam(el.teamFiles.files); });
  el.teamDrop.addEventListener("dragover", function (event) { event.preventDefault(); el.teamDrop.classList.add("vt-sa-drop--over"); });
  el.teamDrop.addEventListener("dragleave", function () { el.teamDrop.classList.remove("vt-sa-drop--over"); });
  el.teamDrop.addEventListener("drop", function (event) {
    event.preventDefault();
    el.teamDrop.classList.remove("vt-sa-drop--over");
    addTeam(event.dataTransfer.files);
  });
  document.addEventListener("change", onChange);
  document.addEventListener("input", onChange);

  // The answers an older version of the page kept are moved first; then the tool starts.
  store.migrate().then(start);

  function start() {
    var saved = store.readAll();
    sa.state = saved;
    if (!store.works) say(S.sa_msg_saved_nowhere, true);
    else if (store.dropped) say(sa.t("sa_msg_storage_dropped", { count: store.dropped }), true);
    Object.keys(saved.answer).forEach(function (id) { if (!sa.itemById[id]) delete saved.answer[id]; });
    showAll();
    update();
    el.tool.hidden = false;
    el.progress.hidden = false;
    byId("vt-sa-team").hidden = false;
    document.documentElement.classList.add("vt-sa-ready");
    el.results.hidden = false;
    // Once the result is in view the progress bar stops following: it would cover the result's rows.
    if (window.IntersectionObserver) {
      new IntersectionObserver(function (entries) {
        var heading = entries[0];
        el.progress.classList.toggle("vt-sa-progress--done", heading.isIntersecting || heading.boundingClientRect.top < 0);
      }).observe(byId("sa-results-title"));
    }
  }
})();
