// Deno users: the JSR package type-checks and publishes (no slow types), and examples/deno.ts runs with narrow
// permissions against the emulator. Driven from Node; every command is the `deno` binary from devDependencies.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { embeddingOf } from "../../../src/testing.ts";
import { type EmulatorServer, startEmulator } from "../../helpers.ts";

const execute = promisify(execFile);
const root = join(import.meta.dirname, "../../..");
export const DENO = process.env.DENO_BIN ?? join(root, "node_modules/.bin/deno");

/** Runs deno with a clean, colourless environment; resolves with the exit code and output. */
const deno = (args: string[], env: Record<string, string> = {}) =>
  execute(DENO, args, { cwd: root, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", NO_COLOR: "1", RUST_BACKTRACE: "0", ...env }, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

test("deno check passes on both entry points (src/mod.ts, src/testing.ts)", async () => {
  const result = await deno(["check", "src/mod.ts", "src/testing.ts"]);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
}, 60_000);

test("deno publish --dry-run passes: no slow types, and only src/, README.md, LICENSE and deno.json are published", async () => {
  const result = await deno(["publish", "--dry-run", "--allow-dirty"]);
  expect(result.stdout + result.stderr).toMatch(/Success Dry run complete/);
  expect(result.code).toBe(0);
  const files = [...(result.stdout + result.stderr).matchAll(/file:\/\/\/\S+/g)].map((m) => m[0].slice("file://".length + root.length + 1));
  expect(files.filter((f) => !f.startsWith("src/") && !["README.md", "LICENSE", "deno.json"].includes(f))).toEqual([]);
  expect(files).toEqual(expect.arrayContaining(["deno.json", "LICENSE", "README.md", "src/mod.ts", "src/testing.ts"]));
}, 60_000);

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator();
});
afterAll(() => server?.close());

test("examples/deno.ts type-checks and ranks documents with one embedMany call, with --allow-net limited to the emulator", async () => {
  const host = new URL(server.url).host;
  expect((await deno(["check", "examples/deno.ts"])).code).toBe(0);
  const documents = ["Deno is a runtime", "Cats sleep a lot", "Rust is fast", "Tea is hot"];
  const result = await deno(["run", `--allow-net=${host}`, "--allow-env", "examples/deno.ts", "a fast runtime", ...documents], {
    OPENAI_API_KEY: "sk-deno",
    OPENAI_BASE_URL: server.url + "/v1",
  });
  expect(result.stderr).toMatch(/^\d+ tokens\n$/);
  expect(result.code).toBe(0);
  // The emulator's vectors are deterministic: the ranking must be the cosine order of embeddingOf.
  const cosine = (a: Float32Array, b: Float32Array) => {
    let dot = 0, na = 0, nb = 0;
    for (let i = 0; i < a.length; i++) (dot += a[i]! * b[i]!), (na += a[i]! * a[i]!), (nb += b[i]! * b[i]!);
    return dot / Math.sqrt(na * nb);
  };
  const query = embeddingOf("a fast runtime", 1536);
  const expected = documents
    .map((text) => ({ text, score: cosine(query, embeddingOf(text, 1536)) }))
    .sort((a, b) => b.score - a.score)
    .map(({ text, score }) => `${score.toFixed(4)}  ${text}`);
  expect(result.stdout.trimEnd().split("\n")).toEqual(expected);
  expect(server.emulator.requests).toHaveLength(1);
  expect(server.emulator.requests[0]).toMatchObject({
    url: server.url + "/v1/embeddings",
    headers: { authorization: "Bearer sk-deno" },
    body: { model: "text-embedding-3-small", input: ["a fast runtime", ...documents], encoding_format: "base64" },
  });
}, 60_000);
