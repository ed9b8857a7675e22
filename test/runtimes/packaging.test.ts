// What npm and JSR users get: the npm tarball's contents, publint and arethetypeswrong on it, and the npm
// (package.json) and JSR (deno.json) manifests agreeing on version and entry points. Runs under Node.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { expect, test } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const json = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8"));
const pkg = json("package.json");
const deno = json("deno.json");
const bin = (name: string) => join(root, "node_modules/.bin", name);

test("the npm tarball holds dist/, README.md, LICENSE and package.json, nothing else", async () => {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root });
  const files: string[] = JSON.parse(stdout)[0].files.map((f: { path: string }) => f.path);
  expect(files.filter((f) => !f.startsWith("dist/") && !["README.md", "LICENSE", "package.json"].includes(f))).toEqual([]);
  expect(files).toEqual(expect.arrayContaining(["README.md", "LICENSE", "package.json", "dist/mod.js", "dist/mod.d.ts", "dist/testing.js", "dist/testing.d.ts"]));
  // Every file an export points at is in the tarball.
  for (const target of Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((t) => (typeof t == "string" ? [t] : Object.values(t)))) {
    expect(files).toContain(target.replace(/^\.\//, ""));
  }
}, 60_000);

test("the emulator's command (bin) imports dist/testing.js rather than bundling the emulator a second time", () => {
  expect(pkg.bin).toEqual({ "openai-switch-emulator": "./dist/cli.js" });
  const cli = readFileSync(join(root, "dist/cli.js"), "utf8");
  expect(cli).toMatch(/^#!\/usr\/bin\/env node\n/);
  expect(cli).toContain('import { createEmulator, serve } from "./testing.js";');
  // esbuild heads each bundled module with its path: cli.ts must be the only one.
  expect(cli.match(/^\/\/ src\/.*$/gm)).toEqual(["// src/testing/cli.ts"]);
});

test("publint finds nothing to report, suggestions included", async () => {
  const { messages, pkg: packed } = await publint({ pkgDir: root, level: "suggestion", strict: true, pack: "npm" });
  expect(messages.map((m) => formatMessage(m, packed) ?? m.code)).toEqual([]);
}, 60_000);

// ESM-only profile: the package ships ES modules only ("type": "module", no "require" condition), on purpose:
// every runtime it targets imports ESM, and Node >= 20.19 can also require() it. The strict profile would only
// add the CommonJS resolutions (node10, node16 from CJS), which this package does not offer.
test("arethetypeswrong (attw --pack, ESM-only profile) reports no problem for any entry point", async () => {
  const { code, stdout } = await run(bin("attw"), ["--pack", ".", "--profile", "esm-only", "--format", "json"], { cwd: root }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e) => ({ code: e.code, stdout: e.stdout }),
  );
  const report = JSON.parse(stdout);
  // The JSON lists every resolution's problems; the profile leaves out node10 and node16-from-CJS.
  const problems = Object.values(report.problems as Record<string, { resolutionKind?: string; entrypoint: string }[]>)
    .flat()
    .filter((p) => p.resolutionKind != "node10" && p.resolutionKind != "node16-cjs");
  expect(problems).toEqual([]);
  expect(code).toBe(0);
  expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./package.json", "./testing"]);
}, 120_000);

test("package.json (npm) and deno.json (JSR) agree on version, license and entry points", () => {
  expect(deno.name).toBe("@openai-switch/openai-switch");
  expect(deno.version).toBe(pkg.version);
  expect(deno.license).toBe(pkg.license);
  // Each npm entry point is the build of the JSR one: ./dist/X.js ↔ ./src/X.ts, same subpaths.
  const npmEntries = Object.fromEntries(
    Object.entries(pkg.exports as Record<string, { default?: string; types?: string }>)
      .filter(([subpath]) => subpath != "./package.json")
      .map(([subpath, target]) => [subpath, target.default]),
  );
  const jsrEntries = Object.fromEntries(Object.entries(deno.exports as Record<string, string>).map(([subpath, file]) => [subpath, file.replace(/^\.\/src\/(.+)\.ts$/, "./dist/$1.js")]));
  expect(jsrEntries).toEqual(npmEntries);
  for (const [subpath, target] of Object.entries(pkg.exports as Record<string, { default?: string; types?: string }>)) {
    if (subpath != "./package.json") expect(target.types).toBe(target.default!.replace(/\.js$/, ".d.ts"));
  }
  expect(pkg.main).toBe(pkg.exports["."].default);
  expect(pkg.types).toBe(pkg.exports["."].types);
  // JSR publishes the sources and the same README and LICENSE.
  expect(deno.publish.include.sort()).toEqual(["LICENSE", "README.md", "src/"]);
});

test("the license is MIT in both manifests and in LICENSE", () => {
  expect(pkg.license).toBe("MIT");
  const text = readFileSync(join(root, "LICENSE"), "utf8");
  expect(text).toMatch(/^MIT License\n\nCopyright \(c\) 2026 openai-switch contributors\n/);
});

test("engines.node is what CI tests: Node 20.3 (AbortSignal.any) and later, with CI on Node 20 itself", () => {
  expect(pkg.engines).toEqual({ node: ">=20.3" });
  const major = Number(process.versions.node.split(".")[0]);
  expect(major).toBeGreaterThanOrEqual(20);
  // CI must run the oldest Node the package claims, or the claim is untested.
  if (process.env.CI == "true") expect(major).toBe(20);
  // The test toolchain itself runs on that Node.
  expect(json("node_modules/vitest/package.json").engines.node).toMatch(/(^|\|\|\s*)\^20\./);
});
