// Type-level contract of embedMany: the result type follows `format` without a cast. The assertions are lines in
// embed-many.test.ts (`const f: Float32Array[] = (await client.embedMany({ …, format: "float32" })).embeddings`, and
// an expected type error for the default number[][]); this runs the TypeScript compiler on the embedding test files so a
// loosened type fails a test, not only `tsc -p test`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");

test("embedMany's result type follows format, and the embedding tests type-check", () => {
  const dir = mkdtempSync(join(tmpdir(), "embed-types-"));
  try {
    const config = join(dir, "tsconfig.json");
    const files = ["embed-many.test.ts", "embed-many-azure-fallback.test.ts", "embed-many-abort.test.ts", "embed.test.ts"].map((f) => join(root, "test", f));
    writeFileSync(config, JSON.stringify({ extends: join(root, "test", "tsconfig.json"), compilerOptions: { noEmit: true, typeRoots: [join(root, "node_modules", "@types")] }, include: [], files }));
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", config], { cwd: root, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e) + String((e as { stderr?: string }).stderr ?? "");
    }
    expect(output).toBe("");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
