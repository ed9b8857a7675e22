// Bundle size (issue 11): the whole main entry (`npm run size`: src/mod.ts), the built dist/mod.js, and what a
// minimal chat + embeddings program costs with each client (bench/size/*.mjs), bundled exactly as
// `esbuild --bundle --minify --format=esm`, gzip -9 and brotli.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { DIST, here } from "../lib/harness.mjs";
import { num, PROVIDER, table, target, times } from "../lib/report.mjs";

const CLIENTS = ["raw", "switch", "openai", "ai"];
const NAMES = { raw: "raw fetch", switch: "openai-switch", openai: "openai SDK", ai: "AI SDK" };
const BUDGET = 7 * 1024;

/** size/*.mjs import ../../dist/mod.js: with BENCH_DIST, that build instead. */
const distPlugin = {
  name: "bench-dist",
  setup(build) {
    build.onResolve({ filter: /\/dist\/mod\.js$/ }, () => ({ path: join(DIST, "mod.js") }));
  },
};

async function measure(entry) {
  const { build } = await import("esbuild");
  const { outputFiles } = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", write: false, logLevel: "error", plugins: [distPlugin] });
  const code = outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

export default {
  name: "size",
  issue: 11,
  title: "bundle size: the main entry, and a chat + embeddings program per client",
  full: { clients: CLIENTS },
  // The SDKs' bundles take seconds of CPU to build and change only with their pins: smoke builds ours and the floor.
  smoke: { clients: ["raw", "switch"] },
  usesWorkers: false,
  async run({ S, root }) {
    const rows = [];
    for (const client of S.clients) {
      for (const provider of ["openai", "azure"]) rows.push({ id: `${client}/${provider}`, client, provider, program: `bench/size/${client}-${provider}.mjs`, ...(await measure(join(here, "size", `${client}-${provider}.mjs`))) });
    }
    for (const row of rows) row.gzipVsRaw = row.gzip / rows.find((r) => r.client == "raw" && r.provider == row.provider).gzip;
    const output = execFileSync(process.execPath, ["scripts/size.mjs"], { cwd: root, encoding: "utf8" }).trim();
    const m = /(\d+) B minified, (\d+) B gzip -9.*?(\d+) B brotli/.exec(output);
    const mainEntry = { source: "src/mod.ts (npm run size)", minified: +m?.[1], gzip: +m?.[2], brotli: +m?.[3], output };
    const mainDist = { source: "dist/mod.js", ...(await measure(join(DIST, "mod.js"))) };
    const chat = rows.filter((r) => r.client == "switch");
    return {
      rows,
      mainEntry,
      mainDist,
      figures: ["gzip", "minified"],
      targets: [
        target(11, "whole main entry, every feature, gzip -9 (src/mod.ts)", mainEntry.gzip, `≤ ${num(BUDGET)} B (7 KiB)`, mainEntry.gzip <= BUDGET, { unit: "B" }),
        target(11, "a chat + embeddings program, gzip -9 (OpenAI / Azure)", chat.map((r) => num(r.gzip) + " B").join(" / "), "(context)", undefined),
      ],
    };
  },
  markdown(s) {
    return [
      "## Bundle size (#11): a minimal chat + embeddings program (esbuild --bundle --minify --format=esm)",
      "",
      table(["client", "provider", "minified B", "gzip -9 B", "brotli B", "gzip × raw"], s.rows.map((r) => [NAMES[r.client], PROVIDER[r.provider], num(r.minified), num(r.gzip), num(r.brotli), times(r.gzipVsRaw)])),
      "",
      `Whole main entry, every feature: ${s.mainEntry.output} — the built \`dist/mod.js\` benched here: ${num(s.mainDist.minified)} B minified, ${num(s.mainDist.gzip)} B gzip -9, ${num(s.mainDist.brotli)} B brotli.`,
    ];
  },
};
