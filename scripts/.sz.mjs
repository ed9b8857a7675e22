import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const r = await build({ entryPoints: ["src/mod.ts"], bundle: true, minify: true, format: "esm", write: false, metafile: true });
const code = r.outputFiles[0].text;
const total = gzipSync(code, { level: 9 }).length;
console.log("total", total);
// strings
const strings = code.match(/"[^"]{12,}"|`[^`]{12,}`/g) ?? [];
const sl = strings.join("").length;
console.log("long string literal chars", sl, "gzip of them", gzipSync(strings.join(""), { level: 9 }).length);
