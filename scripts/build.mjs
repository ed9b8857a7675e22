// Builds dist/: one ESM bundle per entry and the emulator's command (esbuild), and the .d.ts files (tsc). Deterministic, so CI can
// rebuild and compare with the committed dist/.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: { mod: "src/mod.ts", testing: "src/testing.ts" },
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  splitting: false,
  legalComments: "none",
  logLevel: "warning",
});
// The emulator's command (package.json "bin"): one file for Node, its shebang kept from the source.
await build({
  entryPoints: { cli: "src/testing/cli.ts" },
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
});
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
// Declarations keep the source's ".ts" specifiers; consumers of dist/ resolve ".js".
for (const file of readdirSync("dist", { recursive: true })) {
  if (!String(file).endsWith(".d.ts")) continue;
  const path = join("dist", String(file));
  writeFileSync(path, readFileSync(path, "utf8").replace(/(from\s+["'][^"']+)\.ts(["'])/g, "$1.js$2"));
}
