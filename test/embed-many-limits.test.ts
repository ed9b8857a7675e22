// embedMany against the services' per-request limits, over real HTTP (a scripted server) and through an injected
// fetch: OpenAI's (and Azure's) tokens-per-request cap splits the refused call to fit and is remembered per
// deployment on the client; one input over the context length is named by index after everything before it was
// delivered; a huge batchSize cut to one input per call does not overflow the stack.
import { describe, expect, test, type TestContext } from "vitest";
import { ApiError, createClient, type Client, type FetchLike } from "../src/mod.ts";
import { tooManyInputsMessage } from "../src/testing.ts";
import { expectVectors } from "./embed-helpers.ts";
import { bodyOf, serveFor } from "./fault-server.ts";
import { serviceFetch, serviceStep, type ServiceRules } from "./helpers/embeddings-service.ts";

const MODEL = "text-embedding-3-small";
/** `n` inputs of exactly `chars` characters (the scripted service counts chars / 4 tokens each). */
const texts = (n: number, chars = 40, tag = "t") =>
  Array.from({ length: n }, (_, i) => `${tag}${i} `.padEnd(chars, "x"));

interface Transport {
  name: string;
  /** A client of `provider` talking to the scripted service, and the input of each request it received. */
  start(t: TestContext, rules: ServiceRules): Promise<{ client: () => Client; inputs: () => string[][] }>;
}

const clientFor = (provider: "openai" | "azure", root: string, fetch?: FetchLike): Client =>
  provider == "openai"
    ? createClient({ provider, apiKey: "sk-limits", baseURL: root + "/v1", fetch })
    : createClient({ provider, endpoint: root, apiVersion: "2024-10-21", apiKey: "azure-limits", fetch });

const TRANSPORTS: Transport[] = [
  {
    name: "real HTTP",
    async start(t, rules) {
      const s = await serveFor(t, serviceStep(rules));
      return { client: () => clientFor(rules.provider, s.url), inputs: () => s.requests.map((r) => bodyOf(r).input) };
    },
  },
  {
    name: "injected fetch",
    async start(_t, rules) {
      const bodies: { input: string[] }[] = [];
      const fetch = serviceFetch(rules, bodies);
      return {
        client: () => clientFor(rules.provider, "http://service.test", fetch),
        inputs: () => bodies.map((b) => b.input),
      };
    },
  },
];

/** Sizes of the calls in input order (concurrent calls may arrive in any order). */
const sizesInOrder = (sent: string[][], input: readonly string[]) =>
  [...sent].sort((a, b) => input.indexOf(a[0]!) - input.indexOf(b[0]!)).map((call) => call.length);

for (const transport of TRANSPORTS) {
  for (const provider of ["openai", "azure"] as const) {
    describe(`${provider}, ${transport.name}`, () => {
      test("a tokens-per-request refusal splits the call to fit, once; the next job on the client sends no refused call", async (t) => {
        // 100 inputs of 10 tokens = 1000 tokens against a cap of 300: refused, then cut to 28 inputs (280 tokens,
        // within 285: 300 less the 5 % margin, by characters against the tokens the service reported).
        const service = await transport.start(t, { provider, maxTokensPerRequest: 300 });
        const client = service.client();
        const input = texts(100);
        const delivered: number[] = [];
        const result = await client.embedMany({
          model: MODEL,
          input,
          format: "float32",
          onBatch: (e, start) => void delivered.push(start, e.length),
        });
        const sent = service.inputs();
        expect(sent[0]).toEqual(input); // the refused call
        expect(sizesInOrder(sent.slice(1), input)).toEqual([28, 28, 28, 16]);
        expect(sent.slice(1).flat().sort()).toEqual([...input].sort()); // nothing lost or repeated
        expect(delivered).toEqual([0, 28, 28, 28, 56, 28, 84, 16]);
        expect(result.requests).toBe(5);
        expectVectors(result.embeddings, input, 4, "float32");
        expect(result.usage.total_tokens).toBe(1000);

        const second = texts(60, 40, "second");
        const again = await client.embedMany({ model: MODEL, input: second });
        expect(sizesInOrder(service.inputs().slice(5), second)).toEqual([28, 28, 4]);
        expect(again.requests).toBe(3);
        expectVectors(again.embeddings, second, 4, "number");

        // A new client has learned nothing: its first call is refused again.
        const fresh = await service.client().embedMany({ model: MODEL, input: second });
        expect(service.inputs()[8]).toEqual(second);
        expect(fresh.requests).toBe(1 + 3);
      });

      test("inputs of mixed lengths: every call fits the cap after the one refusal, in order, nothing lost", async (t) => {
        const service = await transport.start(t, { provider, maxTokensPerRequest: 2000 });
        const input = Array.from({ length: 300 }, (_, i) => `m${i} `.padEnd(8 + ((i * 37) % 120), "y"));
        const result = await service.client().embedMany({ model: MODEL, input, concurrency: 3 });
        const sent = service.inputs();
        const tokens = (call: string[]) => call.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
        expect(tokens(sent[0]!)).toBeGreaterThan(2000);
        for (const call of sent.slice(1)) expect(tokens(call)).toBeLessThanOrEqual(2000);
        expect(sent.slice(1).flat().sort()).toEqual([...input].sort());
        expectVectors(result.embeddings, input, 4, "number");
      });

      test("one input over the context length: the job rejects naming its index, after every batch before it was delivered", async (t) => {
        const service = await transport.start(t, { provider, maxInputTokens: 8192 });
        const input = texts(40);
        input[29] = "too long ".padEnd(8192 * 4 + 40, "z");
        const delivered: [number, number][] = [];
        const progress: number[] = [];
        const error = await service
          .client()
          .embedMany({
            model: MODEL,
            input,
            onBatch: (e, start) => void delivered.push([start, e.length]),
            onProgress: (done) => progress.push(done),
          })
          .catch((e) => e);
        expect(error).toBeInstanceOf(ApiError);
        expect(error.status).toBe(400);
        expect(error.message).toMatch(/^This model's maximum context length is 8192 tokens/);
        expect(error.message).toContain("input[29]");
        // Delivered in order and contiguous, up to the too-long input.
        let next = 0;
        for (const [start, length] of delivered) {
          expect(start).toBe(next);
          next += length;
        }
        expect(next).toBe(29);
        expect(progress.at(-1)).toBe(29);
        // Found by halving the refused call: a handful of calls, not one per input.
        expect(service.inputs().length).toBeLessThanOrEqual(14);
      });
    });
  }
}

test('a huge batchSize cut to one input per call ("max number of inputs is 1") goes on without overflowing the stack', async () => {
  const input = Array.from({ length: 300_000 }, (_, i) => `s${i}`);
  const sizes: number[] = [];
  const caller = new AbortController();
  const fetch: FetchLike = async (_url, init) => {
    const { input: sent } = JSON.parse(String(init.body)) as { input: string[] };
    sizes.push(sent.length);
    if (sent.length > 1) {
      return Response.json(
        { error: { message: tooManyInputsMessage(1), type: "invalid_request_error", param: null, code: null } },
        { status: 400 },
      );
    }
    if (sizes.length == 20) caller.abort(new Error("enough"));
    return serviceFetch({ provider: "azure" })(_url, init);
  };
  const client = createClient({
    provider: "azure",
    endpoint: "http://service.test",
    apiVersion: "2024-10-21",
    apiKey: "k",
    fetch,
  });
  const error = await client
    .embedMany({ model: "ada1", input, batchSize: 300_000, concurrency: 1 }, { signal: caller.signal })
    .catch((e) => e);
  expect(error).toEqual(new Error("enough"));
  expect(sizes[0]).toBe(300_000);
  expect(sizes.slice(1)).toEqual(Array(19).fill(1));
});
