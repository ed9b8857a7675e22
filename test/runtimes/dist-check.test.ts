// `npm test` warns when dist/ is stale: by content, so a fresh clone (every file time = checkout time) does not warn
// for nothing, and a src/ change that alters the build does.
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { staleDist } from "../../scripts/dist-check.mjs";

const root = join(import.meta.dirname, "../..");
const clone = mkdtempSync(join(tmpdir(), "openai-switch-clone-"));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

test("a fresh clone whose src/ files are newer than dist/ but build to the same dist/ is not stale; a change is", () => {
  for (const input of ["src", "scripts", "package.json", "tsconfig.json", "tsconfig.build.json"]) {
    cpSync(join(root, input), join(clone, input), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(clone, "node_modules"), "dir");
  execFileSync(process.execPath, [join(clone, "scripts/build.mjs")], { cwd: clone, stdio: "pipe" });
  // As after `git clone`: src/ files written after dist/ (the old check compared these times and warned).
  const later = new Date(Date.now() + 60_000);
  for (const file of ["src/mod.ts", "src/client.ts", "src/types.ts"]) utimesSync(join(clone, file), later, later);
  expect(staleDist(clone)).toEqual([]);

  appendFileSync(join(clone, "src/mod.ts"), 'export const ADDED = "changed after the build";\n');
  const stale: string[] = staleDist(clone);
  expect(stale).toContain("mod.js");
  expect(stale).toContain("mod.d.ts");
}, 120_000);
