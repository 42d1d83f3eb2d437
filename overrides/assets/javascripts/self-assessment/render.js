/* Self-assessment, part 4 of 7: charts and tables drawn in the browser. The chart's measures and
 * colours come from the page data, written from render/charts.py, so both draw alike. */
(function () {
  "use strict";
  var sa = window.VT && window.VT.sa;
  if (!sa) return;
  var S = sa.S;
  var CHART = sa.data.chart;
  var SVG = "http://www.w3.org/2000/svg";
  var make = sa.make;

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
  sa.chart = function (id, title, description, rows, series) {
    var svg = svgNode("svg", { "class": "vt-chart-svg", role: "img", "aria-labelledby": id + "-title " + id + "-desc" });
    svg.appendChild(svgNode("title", { id: id + "-title" }, title));
    svg.appendChild(svgNode("desc", { id: id + "-desc" }, description));
    var styles = [{ fill: CHART.solid }, { fill: "url(#" + id + "-hatch)", stroke: CHART.hatch }];
    var paired = series.length > 1;
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
    if (paired) {
      var defs = svg.appendChild(svgNode("defs", {}));
      var pattern = defs.appendChild(svgNode("pattern", { id: id + "-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
                                                           patternTransform: "rotate(45)" }));
      pattern.appendChild(svgNode("rect", { width: 6, height: 6, fill: "#ffffff" }));
      pattern.appendChild(svgNode("rect", { width: 3, height: 6, fill: CHART.hatch }));
      series.forEach(function (name, index) {
        rect(0, y + 3, 28, styles[index].fill, styles[index].stroke);
        text(36, y + CHART.bar, name.name);
        y += CHART.line + 4;
      });
      y += CHART.gap;
    }
    var track = CHART.width - CHART.valueSpace;
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
        y += CHART.bar + (paired ? 3 : 0);
      });
      y += CHART.gap - (paired ? 3 : 0);
    });
    svg.setAttribute("viewBox", "0 0 " + CHART.width + " " + (y - CHART.gap));
    return svg;
  };

  /* A table with a caption, column heads and rows whose first cell heads the row; inside a box that
   * scrolls sideways on a phone and can be reached by keyboard. */
  sa.table = function (caption, head, rows, className) {
    var node = make("table", { "class": className || null });
    node.appendChild(make("caption", {}, caption));
    var headRow = make("tr");
    head.forEach(function (name, index) {
      headRow.appendChild(make("th", { scope: "col", "class": index ? "vt-num" : null }, name));
    });
    node.appendChild(make("thead")).appendChild(headRow);
    var body = node.appendChild(make("tbody"));
    rows.forEach(function (cells) {
      var tr = body.appendChild(make("tr"));
      cells.forEach(function (cell, index) {
        var box = index ? make("td", { "class": "vt-num" }) : make("th", { scope: "row" });
        if (cell instanceof Node) box.appendChild(cell);
        else box.textContent = cell;
        tr.appendChild(box);
      });
    });
    // The box scrolls sideways on a narrow screen, not the page (self-assessment.css: .vt-sa-scroller).
    var scroller = make("div", { "class": "vt-figure-table vt-sa-scroller", tabindex: "0", role: "region", "aria-label": caption });
    scroller.appendChild(node);
    return scroller;
  };

  /* Change between rounds in percentage points, in words too ("+12", "−5", "0"); "–" without two scores. */
  sa.change = function (now, before) {
    if (now === null || before === null) return "–";
    var points = Math.floor(now * 100 + 0.5) - Math.floor(before * 100 + 0.5);
    return points > 0 ? "+" + points : points < 0 ? "−" + -points : "0";
  };

  /* The chart and table of one kind ("pillar" / "living_area") for the answers, next to an earlier
   * round when one is loaded. */
  sa.drawKind = function (kind, answers, earlier) {
    var groups = sa.data.groups.filter(function (group) { return group.kind === kind; });
    var title = S["sa_chart_title_" + kind];
    var series = earlier
      ? [{ name: S.sa_compare_yours, short: S.sa_compare_yours_short }, { name: S.sa_compare_col, short: S.sa_compare_col_short }]
      : [{ name: S.sa_score_col }];
    var rows = [];
    var descriptions = [];
    var tableRows = [];
    groups.forEach(function (group) {
      var mine = sa.counts(group, answers);
      var value = sa.score(mine);
      var bars = [{ share: value, text: value === null ? "–" : sa.percent(value) }];
      var cells = [sa.groupLabel(group), sa.percent(value)];
      if (earlier) {
        var before = sa.score(sa.counts(group, earlier.answers));
        bars.push({ share: before, text: before === null ? "–" : sa.percent(before) });
        cells.push(sa.percent(before), sa.change(value, before));
        descriptions.push(sa.t("sa_chart_desc_compare", { title: group.title, score: sa.percent(value), compare: sa.percent(before) }));
      } else {
        descriptions.push(sa.t("sa_chart_desc_item", { title: group.title, score: sa.percent(value) }));
      }
      sa.data.ratings.forEach(function (rating) { cells.push(String(mine[rating])); });
      cells.push(String(mine.unrated));
      rows.push({ label: sa.groupLabel(group), bars: bars });
      tableRows.push(cells);
    });
    var head = [S[kind], earlier ? S.sa_compare_yours : S.sa_score_col];
    if (earlier) head.push(S.sa_compare_col, S.sa_difference_col);
    sa.data.ratings.forEach(function (rating) { head.push(S["sa_rating_" + rating]); });
    head.push(S.sa_unrated_col);

    // The markup of the figures page (figure.vt-chart, .vt-figure-table), so figures.css styles both alike.
    var box = make("div", { "class": "vt-sa-chart", "data-kind": kind });
    var figure = box.appendChild(make("figure", { "class": "vt-chart" }));
    figure.appendChild(make("figcaption", {}, title));
    figure.appendChild(sa.chart("vt-sa-chart-" + kind, title, sa.t("sa_chart_desc", { items: descriptions.join("; ") + "." }), rows, series));
    box.appendChild(sa.table(title, head, tableRows));
    return box;
  };

  /* Items rated as a gap, the most urgent rating first, with their notes. */
  sa.drawGaps = function (answers) {
    var box = make("div");
    var any = false;
    sa.data.gapRatings.forEach(function (rating) {
      var gaps = sa.items.filter(function (item) { return answers[item.id] && answers[item.id].rating === rating; });
      if (!gaps.length) return;
      any = true;
      box.appendChild(make("h4", {}, sa.t("sa_gap_rating", { rating: S["sa_rating_" + rating], number: gaps.length })));
      var list = box.appendChild(make("ul", { "class": "vt-sa-gap-list", "data-rating": rating }));
      gaps.forEach(function (item) {
        var entry = list.appendChild(make("li", { "data-item": item.id }));
        entry.appendChild(make("p", { "class": "vt-sa-gap-text" })).appendChild(make("a", { href: item.url }, item.text));
        entry.appendChild(make("p", { "class": "vt-sa-gap-where" }, sa.where(item)));
        var note = answers[item.id].note;
        if (note) {
          var p = entry.appendChild(make("p", { "class": "vt-sa-gap-note" }));
          p.appendChild(make("strong", {}, S.sa_gap_note));
          p.appendChild(document.createTextNode(" " + note));
        }
      });
    });
    if (!any) box.appendChild(make("p", {}, S.sa_gaps_none));
    return box;
  };

  sa.where = function (item) {
    return sa.t("sa_item_where", { kind: S[item.group.kind], number: item.group.number, title: item.group.title });
  };
})();
