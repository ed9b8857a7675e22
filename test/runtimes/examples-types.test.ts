// The examples compile as users would build them: type-checked against the published types (dist/*.d.ts via the
// package name) and @azure/msal-browser's own types, and bundled for the browser by esbuild.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { expect, test } from "vitest";

const root = join(import.meta.dirname, "../..");

test("examples/msal-browser and examples/worker.ts type-check with tsc (examples/tsconfig.json)", async () => {
  const result = await promisify(execFile)(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "examples/tsconfig.json"], { cwd: root }).then(
    () => "",
    (e) => e.stdout + e.stderr,
  );
  expect(result).toBe("");
}, 60_000);

test("the MSAL example bundles for the browser with esbuild, MSAL and the built client included", async () => {
  const { outputFiles, warnings } = await build({
    entryPoints: [join(root, "examples/msal-browser/main.ts"), join(root, "examples/msal-browser/redirect.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: "/out",
    write: false,
    logLevel: "silent",
  });
  expect(warnings).toEqual([]);
  const [main, redirect] = outputFiles.map((f) => f.text);
  expect(main).toContain("// dist/mod.js");
  expect(main).toContain("node_modules/@azure/msal-browser/");
  expect(redirect).toContain("node_modules/@azure/msal-browser/");
  // Nothing left for the browser to resolve.
  expect(main).not.toMatch(/^\s*import\s.+from\s*["']/m);
});
