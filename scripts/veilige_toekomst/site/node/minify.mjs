// The site's own scripts and stylesheets, minified (site/minify.py runs this): scripts with Terser,
// stylesheets with Lightning CSS. Usage: node minify.mjs <node_modules> <input> <output> [<input> <output> …].
// Scripts are classic scripts: top-level names stay (the self-assessment's parts share window.VT), and
// so does every string (class names, storage keys). A comment naming a joined part
// ("/* assets/javascripts/… */") is kept, so a reader of the minified file can find the source file.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// The project's node_modules, wherever this file is installed.
const [nodeModules, ...paths] = process.argv.slice(2);
const require = createRequire(join(nodeModules, "package.json"));
const { minify } = require("terser");
const { transform } = require("lightningcss");

for (let i = 0; i < paths.length; i += 2) {
  const [input, output] = [paths[i], paths[i + 1]];
  if (input.endsWith(".css")) {
    const result = transform({ filename: input, code: readFileSync(input), minify: true });
    writeFileSync(output, result.code);
  } else {
    const result = await minify(readFileSync(input, "utf8"), {
      ecma: 2020,
      format: { comments: /^ assets\/javascripts\// },
    });
    writeFileSync(output, result.code);
  }
}
