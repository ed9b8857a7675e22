// Prints the size users pay: the main entry bundled and minified by esbuild, gzip -9 and brotli.
import { build } from "esbuild";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const entries = process.argv.slice(2).length ? process.argv.slice(2) : ["src/mod.ts"];
for (const entry of entries) {
  // Exactly `esbuild --bundle --minify --format=esm`, the measure the issues name.
  const { outputFiles } = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", write: false });
  const code = outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${entry}: ${code.length} B minified, ${gzip} B gzip -9 (${(gzip / 1024).toFixed(2)} KiB), ${brotli} B brotli`);
}
