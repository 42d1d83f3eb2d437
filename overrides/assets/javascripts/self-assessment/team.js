/* Self-assessment, part 6 of 7: the team round (several colleagues' exports combined per item, where
 * they disagree first, with their notes and a consensus rating) and the action plan for the gaps. */
(function () {
  "use strict";
  var sa = window.VT && window.VT.sa;
  if (!sa) return;
  var S = sa.S;
  var data = sa.data;
  var make = sa.make;

  sa.team = [];  // [{person, file, answers}] in the order they were loaded

  /* Adds the files to the team round; resolves to one message per file (null: combined as is). */
  sa.addTeamFiles = function (files) {
    return Promise.all(Array.prototype.map.call(files, function (file) {
      return sa.readFile(file).then(function (found) {
        var person = found.name || file.name;
        var twin = sa.team.filter(function (other) {
          return (found.name && other.person === found.name) || JSON.stringify(other.answers) === JSON.stringify(found.answers);
        })[0];
        if (twin) return { file: file.name, error: true, text: sa.t("sa_team_twice", { other: twin.file }) };
        sa.team.push({ person: person, file: file.name, answers: found.answers });
        var notes = [];
        if (found.unknown.length) notes.push(sa.t("sa_team_unknown", { count: found.unknown.length }));
        if (found.language !== data.language) notes.push(sa.t("sa_team_language", { language: found.language }));
        return { file: file.name, error: false, text: [sa.t("sa_team_added", { person: person, count: Object.keys(found.answers).length })].concat(notes).join(" ") };
      }, function (problem) {
        if (!(problem instanceof sa.ImportProblem)) throw problem;
        return { file: file.name, error: true, text: problem.message };
      });
    }));
  };

  /* Per item with any rating or note in the team: {item, counts {rating: [persons]}, notes [{person, note}],
   * disagree (more than one rating given)}; disagreements first, each part in booklet order. */
  sa.combine = function () {
    var rows = [];
    sa.items.forEach(function (item) {
      var counts = {};
      var notes = [];
      sa.team.forEach(function (member) {
        var answer = member.answers[item.id];
        if (!answer) return;
        if (answer.rating) (counts[answer.rating] = counts[answer.rating] || []).push(member.person);
        if (answer.note) notes.push({ person: member.person, note: answer.note });
      });
      if (Object.keys(counts).length || notes.length) {
        rows.push({ item: item, counts: counts, notes: notes, disagree: Object.keys(counts).length > 1 });
      }
    });
    return rows.filter(function (r) { return r.disagree; }).concat(rows.filter(function (r) { return !r.disagree; }));
  };

  function consensusSelect(item) {
    var id = "vt-sa-consensus-" + item.id.replace(".", "-");
    var box = make("p", { "class": "vt-sa-consensus" });
    box.appendChild(make("label", { "for": id }, S.sa_team_consensus));
    var select = box.appendChild(make("select", { id: id, "data-consensus": item.id }));
    select.appendChild(make("option", { value: "" }, S.sa_team_consensus_none));
    data.ratings.forEach(function (rating) {
      select.appendChild(make("option", { value: rating }, S["sa_rating_" + rating]));
    });
    var chosen = sa.state.consensus[item.id];
    select.value = chosen && chosen.rating ? chosen.rating : "";
    return box;
  }

  sa.drawTeam = function () {
    var box = make("div");
    if (!sa.team.length) return box;
    var rows = sa.combine();
    var disagreements = rows.filter(function (r) { return r.disagree; }).length;
    box.appendChild(make("p", { id: "vt-sa-team-summary" }, sa.t("sa_team_summary", {
      count: sa.team.length, persons: sa.team.map(function (m) { return m.person; }).join(", "), disagree: disagreements
    })));
    rows.forEach(function (row) {
      var entry = box.appendChild(make("article", { "class": "vt-sa-team-item", "data-item": row.item.id,
                                                     "data-disagree": row.disagree ? "true" : "false" }));
      var title = entry.appendChild(make("h4"));
      if (row.disagree) title.appendChild(make("span", { "class": "vt-sa-badge" }, S.sa_team_disagree));
      title.appendChild(make("a", { href: row.item.url }, row.item.text));
      entry.appendChild(make("p", { "class": "vt-sa-gap-where" }, sa.where(row.item)));
      var cells = data.ratings.map(function (rating) {
        var who = row.counts[rating] || [];
        return [S["sa_rating_" + rating], String(who.length), who.join(", ")];
      });
      entry.appendChild(sa.table(row.item.text, [S.sa_team_rating_col, S.sa_team_count_col, S.sa_team_who_col], cells, "vt-sa-team-counts"));
      if (row.notes.length) {
        var notes = entry.appendChild(make("dl", { "class": "vt-sa-team-notes" }));
        row.notes.forEach(function (n) {
          notes.appendChild(make("dt", {}, n.person));
          notes.appendChild(make("dd", {}, n.note));
        });
      }
      entry.appendChild(consensusSelect(row.item));
    });
    return box;
  };

  // --- the action plan ---------------------------------------------------------------------------------

  /* The rating that counts for the plan: the team's consensus where chosen, else this browser's answer. */
  sa.effectiveRating = function (id) {
    var chosen = sa.state.consensus[id];
    return chosen && chosen.rating ? chosen.rating : sa.answer(id).rating;
  };

  sa.planItems = function () {
    var gaps = [];
    data.gapRatings.forEach(function (rating) {
      sa.items.forEach(function (item) { if (sa.effectiveRating(item.id) === rating) gaps.push(item); });
    });
    return gaps;
  };

  sa.action = function (id) {
    return sa.state.action[id] || { what: "", who: "", due: "", status: data.actionStatuses[0], at: 0 };
  };

  function field(item, name, control) {
    control.setAttribute("data-action-field", name);
    control.setAttribute("data-item", item.id);
    control.setAttribute("aria-label", S["sa_plan_" + name] + ": " + item.text);
    return control;
  }

  sa.drawPlan = function () {
    var box = make("div");
    var gaps = sa.planItems();
    if (!gaps.length) {
      box.appendChild(make("p", {}, S.sa_plan_none));
      return box;
    }
    var rows = gaps.map(function (item) {
      var action = sa.action(item.id);
      var label = make("span");
      label.appendChild(make("a", { href: item.url }, item.text));
      label.appendChild(make("span", { "class": "vt-sa-plan-rating" }, " (" + S["sa_rating_" + sa.effectiveRating(item.id)] + ")"));
      var what = field(item, "what", make("textarea", { rows: "2", maxlength: String(data.noteMax) }));
      what.value = action.what;
      var who = field(item, "who", make("input", { type: "text", maxlength: "200" }));
      who.value = action.who;
      var due = field(item, "due", make("input", { type: "date" }));
      due.value = action.due;
      var status = field(item, "status", make("select"));
      data.actionStatuses.forEach(function (name) { status.appendChild(make("option", { value: name }, S["sa_plan_status_" + name])); });
      status.value = action.status;
      var printed = make("span", { "class": "vt-sa-plan-print", "aria-hidden": "true" },
        [action.what, action.who, action.due, S["sa_plan_status_" + action.status]].join(" · "));
      return [label, what, who, due, (function () { var s = make("span"); s.appendChild(status); s.appendChild(printed); return s; })()];
    });
    box.appendChild(sa.table(S.sa_plan, [S.sa_plan_item, S.sa_plan_what, S.sa_plan_who, S.sa_plan_due, S.sa_plan_status], rows, "vt-sa-plan-table"));
    return box;
  };

  sa.planCsv = function () {
    var rows = [[S.sa_csv_item, S.sa_csv_text, S.sa_csv_rating, S.sa_plan_what, S.sa_plan_who, S.sa_plan_due, S.sa_plan_status]];
    sa.planItems().forEach(function (item) {
      var action = sa.action(item.id);
      rows.push([item.id, item.text, S["sa_rating_" + sa.effectiveRating(item.id)], action.what, action.who, action.due,
                 S["sa_plan_status_" + action.status]]);
    });
    return sa.csv(rows);
  };
})();
