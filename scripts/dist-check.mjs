// Whether dist/ is what building src/ gives now: builds again into a scratch directory and compares contents.
// (File times say nothing on a fresh clone, where git sets every mtime to the checkout time.)
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BUILD_INPUTS = ["src", "scripts", "package.json", "tsconfig.json", "tsconfig.build.json"];

const filesUnder = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1))
        .sort()
    : [];

/**
 * The files of `root`/dist that differ from a fresh build of `root`/src (missing, extra or changed), as paths
 * relative to dist/. Empty when dist/ is up to date. Throws if the build itself fails.
 */
export function staleDist(root) {
  const scratch = mkdtempSync(join(tmpdir(), "openai-switch-dist-check-"));
  try {
    for (const input of BUILD_INPUTS) cpSync(join(root, input), join(scratch, input), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"), "dir");
    execFileSync(process.execPath, [join(scratch, "scripts/build.mjs")], { cwd: scratch, stdio: "pipe" });
    const built = filesUnder(join(scratch, "dist"));
    const present = filesUnder(join(root, "dist"));
    const differing = new Set([...built.filter((f) => !present.includes(f)), ...present.filter((f) => !built.includes(f))]);
    for (const file of built) {
      if (!present.includes(file)) continue;
      const fresh = readFileSync(join(scratch, "dist", file));
      if (!fresh.equals(readFileSync(join(root, "dist", file)))) differing.add(file);
    }
    return [...differing].sort();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
