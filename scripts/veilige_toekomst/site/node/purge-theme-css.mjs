// The theme's stylesheet without the rules the built site cannot use (site/theme_css.py runs this).
// Usage: node purge-theme-css.mjs <node_modules> <theme css> <output css> <file list>; the list names, one per line,
// every HTML page and every script of the built site. A class is kept when any page or script names
// it, so the classes the theme's own bundle.js adds while the page runs stay; the few it builds from
// pieces are kept by the safelist. @font-face, keyframes and CSS variables are all kept.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [nodeModules, css, output, list] = process.argv.slice(2);
// The project's node_modules, wherever this file is installed.
const entry = createRequire(join(nodeModules, "package.json")).resolve("purgecss");
const { PurgeCSS } = await import(pathToFileURL(entry).href);
const content = readFileSync(list, "utf8").split("\n").filter(Boolean);
const [result] = await new PurgeCSS().purge({
  content,
  css: [css],
  fontFace: false,
  keyframes: false,
  variables: false,
  // bundle.js writes `md-tag--${…}`, `md-source__fact--${…}` and data-md-color-* from pieces.
  safelist: { greedy: [/^md-tag/, /^md-source__fact/, /data-md-/] },
});
writeFileSync(output, result.css);
