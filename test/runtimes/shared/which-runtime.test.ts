// Part of the shared suite that scripts/test-all.mjs runs under Node, Deno and Bun: proves the tests really
// execute in the runtime the summary names (vitest's workers could otherwise quietly fall back to Node).
import { expect, test } from "vitest";

const g = globalThis as { Deno?: { version: { deno: string } }; Bun?: { version: string } };
const actual = g.Deno ? `deno ${g.Deno.version.deno}` : g.Bun ? `bun ${g.Bun.version}` : `node ${process.versions.node}`;
// test-all.mjs names the runtime of each run; a plain `npx vitest run` is Node.
const expected = process.env.OPENAI_SWITCH_TEST_RUNTIME ?? "node";

test(`the tests run in ${expected} (set OPENAI_SWITCH_TEST_RUNTIME when running vitest under another runtime by hand)`, () => {
  expect(actual.split(" ")[0]).toBe(expected);
});
