// What the embedMany suites over the emulator share: the vector check, token and input counts, and servers closed
// after each test.
import { afterEach, expect } from "vitest";
import { countTokens, embeddingOf } from "../src/testing.ts";
import type { EmulatorServer } from "./helpers.ts";

const preview = (v: ArrayLike<number> | undefined) => (v ? `${v.constructor.name}(${v.length}) [${Array.from(v).slice(0, 3).join(", ")}, …]` : String(v));

/** Every vector is the emulator's vector of its input, of the right type; stops at the first wrong one, with a short message. */
export function expectVectors(actual: readonly (number[] | Float32Array)[], input: readonly string[], dims: number, format: "number" | "float32") {
  expect(actual).toHaveLength(input.length);
  for (let i = 0; i < input.length; i++) {
    const want = embeddingOf(input[i]!, dims);
    const got = actual[i];
    const typed = format == "float32" ? got instanceof Float32Array : Array.isArray(got);
    if (!typed || got!.length != dims || want.some((v, j) => v !== got![j])) {
      expect.fail(`embeddings[${i}] (${JSON.stringify(input[i])}): want ${format} ${preview(want)}, got ${preview(got)}`);
    }
  }
}

/** The emulator's token count of `input`, summed. */
export const tokens = (input: readonly string[]) => input.reduce((sum, t) => sum + countTokens(t), 0);

/** The `input` of each request the emulator received, in order. */
export const inputs = (s: EmulatorServer) => s.emulator.requests.map((r) => (r.body as { input: string[] }).input);

/** A list whose servers are closed after each test of the calling file: push every server a test starts. */
export function serversClosedAfterEach(): { close(): Promise<void> }[] {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return servers;
}
