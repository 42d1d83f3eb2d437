/* Self-assessment, part 5 of 7: reading export files a person picks or drops, and saving downloads. */
(function () {
  "use strict";
  var sa = window.VT && window.VT.sa;
  if (!sa) return;
  var S = sa.S;
  var MAX_FILE = 1024 * 1024;

  /* A promise of readExport's result for a File; rejects with an ImportProblem (too big, not UTF-8,
   * not JSON, not an export, damaged). The file must be UTF-8: other encodings would garble notes. */
  sa.readFile = function (file) {
    if (file.size > MAX_FILE) return Promise.reject(new sa.ImportProblem(S.sa_err_too_big));
    return file.arrayBuffer().then(function (bytes) {
      var text;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch (error) {
        throw new sa.ImportProblem(S.sa_err_not_utf8);
      }
      var doc;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        throw new sa.ImportProblem(S.sa_err_not_json);
      }
      return sa.schema().then(function (schema) {
        var found = sa.readExport(doc, schema);
        found.file = file.name;
        return found;
      });
    }, function () { throw new sa.ImportProblem(S.sa_err_read); });
  };

  /* Offers text as a download named <stem>-<date>.<extension>; returns the name. */
  sa.download = function (text, type, stem, extension) {
    var name = stem + "-" + new Date().toISOString().slice(0, 10) + "." + extension;
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = sa.make("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    return name;
  };
})();
