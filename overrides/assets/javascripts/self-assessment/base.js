/* Self-assessment (zelfscan), part 1 of 7: the shared namespace window.VT.sa, small helpers, and the
 * export check driven by the JSON Schema (schemas/self-assessment.schema.json), loaded when first needed.
 *
 * The parts are classic scripts (ES modules do not load from file://, which the offline edition needs),
 * loaded in order only on the self-assessment page. Nothing leaves the browser. Text from files or
 * storage is only ever set as textContent or as a form value, never as HTML.
 */
(function () {
  "use strict";
  var source = document.getElementById("vt-assessment-data");
  if (!source) return;
  var VT = window.VT = window.VT || {};
  var sa = VT.sa = { data: JSON.parse(source.textContent) };
  var S = sa.S = sa.data.strings;

  sa.has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };

  /* A promise of the export's JSON Schema. Only reading a file needs it, so it is a script of its own
   * (assessment_shortcodes.SCHEMA_URI; a script, not JSON, so it also loads from disk), loaded once,
   * the first time. Rejects with an ImportProblem when it cannot be loaded. */
  var schema = null;
  sa.schema = function () {
    if (!schema) {
      schema = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = sa.data.schemaScript;
        script.onload = function () { resolve(VT.assessmentSchema); };
        script.onerror = function () {
          schema = null;
          script.remove();
          reject(new sa.ImportProblem(S.sa_err_read));
        };
        document.head.appendChild(script);
      });
    }
    return schema;
  };

  /* "{count} items" with {name} filled in; a counted key (key_one, key_other… in docs/strings.yml)
     picks its form by `count` with the CLDR rules of the page's language, as plural.js does. */
  sa.t = function (key, values) {
    values = values || {};
    var template = S[key];
    if (template === undefined) {
      var form = new Intl.PluralRules(document.documentElement.lang || "nl").select(values.count);
      template = S[key + "_" + form] || S[key + "_other"];
    }
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return sa.has(values, name) ? String(values[name]) : whole;
    });
  };

  sa.make = function (tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== false) node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  };

  sa.isPlainObject = function (value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  };

  function typeOf(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number" && Math.floor(value) === value) return "integer";
    return typeof value;
  }

  var FORMATS = {
    "date-time": /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
    "date": /^\d{4}-\d\d-\d\d$/
  };

  /* The part of JSON Schema 2020-12 the export schema uses. Returns null or the path of the first
   * problem ("answers[3].rating"). */
  sa.validate = function (value, schema, path) {
    path = path || "";
    if (schema === true) return null;
    if (schema === false) return path || "/";
    var here = path || "/";
    if (sa.has(schema, "const") && value !== schema["const"]) return here;
    if (schema["enum"] && schema["enum"].indexOf(value) < 0) return here;
    if (schema.type) {
      var type = typeOf(value);
      var types = [].concat(schema.type);
      if (types.indexOf(type) < 0 && !(type === "integer" && types.indexOf("number") >= 0)) return here;
    }
    if (typeof value === "string") {
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return here;
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return here;
      if (schema.format && FORMATS[schema.format] &&
          (!FORMATS[schema.format].test(value) || isNaN(Date.parse(value)))) return here;
    }
    var problem = null;
    if (Array.isArray(value)) {
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return here;
      if (schema.items) {
        value.some(function (entry, index) {
          problem = sa.validate(entry, schema.items, path + "[" + index + "]");
          return problem;
        });
        if (problem) return problem;
      }
    }
    if (sa.isPlainObject(value)) {
      (schema.required || []).some(function (key) {
        if (!sa.has(value, key)) problem = (path ? path + "." : "") + key;
        return problem;
      });
      if (problem) return problem;
      Object.keys(value).some(function (key) {
        var inner = (path ? path + "." : "") + key;
        if (schema.properties && sa.has(schema.properties, key)) problem = sa.validate(value[key], schema.properties[key], inner);
        else if (schema.additionalProperties !== undefined) problem = sa.validate(value[key], schema.additionalProperties, inner);
        return problem;
      });
      if (problem) return problem;
    }
    (schema.allOf || []).some(function (part) {
      if (part["if"] && sa.validate(value, part["if"], path) !== null) return false;
      problem = sa.validate(value, part["if"] ? part.then : part, path);
      return problem;
    });
    return problem;
  };
})();
