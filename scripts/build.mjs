// Builds dist/: one ESM bundle per entry and the emulator's command (esbuild), and the .d.ts files (tsc). Deterministic, so CI can
// rebuild and compare with the committed dist/.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { CLI, LIBRARY } from "./bundles.mjs";

rmSync("dist", { recursive: true, force: true });
await build({ ...LIBRARY, outdir: "dist" });
// cli.js imports ./testing.js at runtime (see bundles.mjs), so the two must stay side by side in dist/.
await build({ ...CLI, outdir: "dist" });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
// Declarations keep the source's ".ts" specifiers; consumers of dist/ resolve ".js".
for (const file of readdirSync("dist", { recursive: true })) {
  if (!String(file).endsWith(".d.ts")) continue;
  const path = join("dist", String(file));
  writeFileSync(path, readFileSync(path, "utf8").replace(/(from\s+["'][^"']+)\.ts(["'])/g, "$1.js$2"));
}
