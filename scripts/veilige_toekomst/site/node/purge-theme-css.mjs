// The theme's stylesheet without the rules the built site cannot use (site/theme_css.py runs this).
// Usage: node purge-theme-css.mjs <node_modules> <theme css> <output css> <words file>. The words file
// holds the words of the built site's pages and scripts that also occur in the theme's stylesheet, as
// PurgeCSS's own extractor splits them ([A-Za-z0-9_-]+); the other words cannot keep a rule. A rule is
// kept when every class, id and element it names is among them, so the classes the theme's bundle.js
// adds while a page runs stay; the few it builds from pieces are kept by the safelist. @font-face,
// keyframes and CSS variables are all kept.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [nodeModules, css, output, words] = process.argv.slice(2);
// The project's node_modules, wherever this file is installed.
const entry = createRequire(join(nodeModules, "package.json")).resolve("purgecss");
const { PurgeCSS } = await import(pathToFileURL(entry).href);
const [result] = await new PurgeCSS().purge({
  content: [{ raw: readFileSync(words, "utf8"), extension: "txt" }],
  css: [css],
  fontFace: false,
  keyframes: false,
  variables: false,
  // bundle.js writes `md-tag--${…}`, `md-source__fact--${…}` and data-md-color-* from pieces.
  safelist: { greedy: [/^md-tag/, /^md-source__fact/, /data-md-/] },
});
writeFileSync(output, result.css);
