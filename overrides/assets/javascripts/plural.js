/* Counted messages in the browser: the page hands a script every plural form of a message as JSON
   ({"one": "{n} result", "other": "{n} results"}, from docs/strings.yml, core/plurals.py), and
   Intl.PluralRules picks the form for the page's language by the same CLDR rules Python uses. */
window.vtPlural = function (forms, count) {
  "use strict";
  if (typeof forms === "string") forms = JSON.parse(forms || "{}");
  var category = new Intl.PluralRules(document.documentElement.lang || "nl").select(count);
  var text = forms[category] || forms.other || "";
  return text.replace(/\{(n|count)\}/g, String(count));
};
