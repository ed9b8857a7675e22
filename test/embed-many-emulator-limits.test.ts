// embedMany against the emulator's token limits (characters / 4 per input), over real HTTP and through the
// emulator's in-process fetch: OpenAI's default 300 000-token cap and an Azure deployment's own cap split the
// refused call once and are remembered; an input over the 8192-token context length is named by index.
import { describe, expect, test } from "vitest";
import { ApiError, createClient, type Client } from "../src/mod.ts";
import { createEmulator, type EmulatorOptions, estimateTokens } from "../src/testing.ts";
import { expectVectors, serversClosedAfterEach } from "./embed-helpers.ts";
import { startEmulator } from "./helpers.ts";

const MODEL = "text-embedding-3-small";
/** `n` inputs of exactly `chars` characters. */
const texts = (n: number, chars: number, tag = "e") =>
  Array.from({ length: n }, (_, i) => `${tag}${i} `.padEnd(chars, "w"));
const servers = serversClosedAfterEach();

interface Setup {
  openai(): Client;
  azure(): Client;
  /** The input of every embeddings request the emulator received, in order. */
  inputs(): string[][];
}

const TRANSPORTS: [string, (options: EmulatorOptions) => Promise<Setup>][] = [
  [
    "real HTTP",
    async (options) => {
      const s = await startEmulator(options);
      servers.push(s);
      return {
        openai: () => s.openai(),
        azure: () => s.azure(),
        inputs: () => s.emulator.requests.map((r) => (r.body as { input: string[] }).input),
      };
    },
  ],
  [
    "emulator fetch",
    async (options) => {
      const emulator = createEmulator(options);
      const fetch = emulator.fetch;
      return {
        openai: () => createClient({ provider: "openai", apiKey: "sk-emu", baseURL: "http://emulator.test/v1", fetch }),
        azure: () =>
          createClient({
            provider: "azure",
            endpoint: "http://emulator.test",
            apiVersion: "2024-10-21",
            apiKey: "k",
            fetch,
          }),
        inputs: () => emulator.requests.map((r) => (r.body as { input: string[] }).input),
      };
    },
  ],
];

/** Call sizes in input order (concurrent calls may arrive in any order). */
const sizes = (calls: string[][], input: readonly string[]) => {
  const position = new Map(input.map((text, i) => [text, i]));
  return [...calls].sort((a, b) => position.get(a[0]!)! - position.get(b[0]!)!).map((call) => call.length);
};

for (const [name, setup] of TRANSPORTS) {
  describe(name, () => {
    test("OpenAI's 300 000-token cap: 2048 inputs of 200 tokens are refused once, then go as calls of 1425 (the cap less a 5 % margin); the next job is cut before it is sent", async () => {
      const t = await setup({});
      const client = t.openai();
      const input = texts(5000, 800);
      expect(estimateTokens(input[0]!)).toBe(200);
      const result = await client.embedMany({ model: MODEL, input, dimensions: 4, format: "float32" });
      const sent = t.inputs();
      expect(sent[0]).toEqual(input.slice(0, 2048)); // refused: 409 600 tokens
      expect(sizes(sent.slice(1), input)).toEqual([1425, 1425, 1425, 725]);
      expect(result.requests).toBe(5);
      expectVectors(result.embeddings, input, 4, "float32");

      const next = texts(3000, 800, "next");
      const again = await client.embedMany({ model: MODEL, input: next, dimensions: 4 });
      expect(sizes(t.inputs().slice(5), next)).toEqual([1425, 1425, 150]);
      expect(again.requests).toBe(3);
    });

    test("an Azure deployment's token cap: refused once, split to fit, remembered; other deployments are not shrunk", async () => {
      const t = await setup({ deployments: { capped: { maxTokensPerRequest: 1000 }, free: {} } });
      const client = t.azure();
      const input = texts(50, 400); // 100 tokens each: 5000 in one call
      const result = await client.embedMany({ model: "capped", input, dimensions: 4 });
      const sent = t.inputs();
      expect(sent[0]).toEqual(input);
      expect(sizes(sent.slice(1), input)).toEqual([9, 9, 9, 9, 9, 5]); // within 950 tokens: 1000 less the 5 % margin
      expectVectors(result.embeddings, input, 4, "number");
      await client.embedMany({ model: "capped", input: input.slice(0, 20), dimensions: 4 });
      expect(
        t
          .inputs()
          .slice(7)
          .map((call) => call.length)
          .sort(),
      ).toEqual([2, 9, 9]);
      await client.embedMany({ model: "free", input, dimensions: 4 });
      expect(t.inputs().at(-1)).toEqual(input);
    });

    for (const provider of ["openai", "azure"] as const) {
      test(`${provider}: an input over 8192 tokens is named by index, after every batch before it was delivered`, async () => {
        const t = await setup({});
        const input = texts(100, 40);
        input[61] = "long ".padEnd(8192 * 4 + 8, "w");
        let k = 0;
        const error = await t[provider]()
          .embedMany({ model: MODEL, input, dimensions: 4, batchSize: 25, onProgress: (done) => (k = done) })
          .catch((e) => e);
        expect(error).toBeInstanceOf(ApiError);
        expect(error.message).toContain("maximum context length is 8192 tokens");
        expect(error.message).toContain("input[61]");
        expect(k).toBe(61);
        // The batch [50, 75) was halved down to the one input: a few refused calls, not one per input.
        const refused = t.inputs().filter((call) => call.includes(input[61]!));
        expect(refused.length).toBeLessThanOrEqual(6);
      });
    }
  });
}
