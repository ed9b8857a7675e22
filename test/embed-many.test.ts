// embedMany against OpenAI-style servers over real HTTP: batching, order, values, formats, usage, progress,
// concurrency, argument checks and failures. Azure's input-limit fallback is in embed-many-azure-fallback.test.ts,
// abort in embed-many-abort.test.ts. This file is also type-checked by embed-many-types.test.ts.
import { expect, test } from "vitest";
import { ApiError, ConfigError, createClient } from "../src/mod.ts";
import { createEmulator, embeddingOf, serve, tooManyInputsMessage } from "../src/testing.ts";
import { expectVectors, inputs, serversClosedAfterEach, tokens } from "./embed-helpers.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

const MODEL = "text-embedding-3-small";
const texts = (n: number, tag = "text") => Array.from({ length: n }, (_, i) => `${tag} number ${i}`);
const numbers = (input: readonly string[], dims: number) => input.map((t) => Array.from(embeddingOf(t, dims)));
const bodies = (s: EmulatorServer) => s.emulator.requests.map((r) => r.body as Record<string, unknown>);

const servers = serversClosedAfterEach();
const start = async (options: Parameters<typeof startEmulator>[0] = {}) => {
  const s = await startEmulator(options);
  servers.push(s);
  return s;
};

test("OpenAI: 5000 inputs go out as 3 calls of 2048, 2048 and 904 inputs, and every vector is right", async () => {
  const s = await start();
  const input = texts(5000);
  const result = await s.openai().embedMany({ model: MODEL, input, dimensions: 8 });

  expect(s.emulator.requests.map((r) => r.url)).toEqual(Array(3).fill(s.url + "/v1/embeddings"));
  // The calls after the first go out together, so the server may see them in either order.
  const byStart = inputs(s).sort((a, b) => input.indexOf(a[0]!) - input.indexOf(b[0]!));
  expect(byStart).toEqual([input.slice(0, 2048), input.slice(2048, 4096), input.slice(4096)]);
  expect(byStart.map((i) => i.length)).toEqual([2048, 2048, 904]);
  for (const body of bodies(s)) expect(body).toMatchObject({ model: MODEL, dimensions: 8, encoding_format: "base64" });
  expect(result.requests).toBe(3);
  expectVectors(result.embeddings, input, 8, "number");
  const sum = tokens(input);
  expect(sum).toBeGreaterThan(5000);
  expect(result.usage).toEqual({ prompt_tokens: sum, total_tokens: sum });
});

test("keep: false: calls of 512 inputs by default (what the job holds is its batches), an explicit batchSize wins", async () => {
  const s = await start();
  const input = texts(1100);
  const starts: number[] = [];
  const onBatch = (embeddings: Float32Array[], at: number) => {
    expectVectors(embeddings, input.slice(at, at + embeddings.length), 8, "float32");
    starts.push(at);
  };
  const unkept = await s.openai().embedMany({ model: MODEL, input, dimensions: 8, format: "float32", keep: false, onBatch });
  // The calls after the first go out together, so the server may see them in either order.
  const byStart = inputs(s).sort((a, b) => input.indexOf(a[0]!) - input.indexOf(b[0]!));
  expect(byStart).toEqual([input.slice(0, 512), input.slice(512, 1024), input.slice(1024)]);
  expect(starts).toEqual([0, 512, 1024]);
  expect(unkept.embeddings).toEqual([]);

  const told = await s.openai().embedMany({ model: MODEL, input, dimensions: 8, keep: false, batchSize: 1000 });
  expect(inputs(s).slice(3).map((i) => i.length).sort((a, b) => b - a)).toEqual([1000, 100]);
  expect(told.requests).toBe(2);
  for (const body of bodies(s)) expect(Object.keys(body).sort()).toEqual(["dimensions", "encoding_format", "input", "model"]);
});

test("default dimensions and format: each embedding is a plain number[] equal to the float32 values", async () => {
  const s = await start();
  const input = ["The quick brown fox", "jumps over", "the lazy dog."];
  const result = await s.openai().embedMany({ model: MODEL, input });
  expect(s.emulator.requests).toHaveLength(1);
  expect(bodies(s)[0]).toEqual({ model: MODEL, input, encoding_format: "base64" });
  expectVectors(result.embeddings, input, 1536, "number");
  expect(result).toEqual({ embeddings: result.embeddings, usage: { prompt_tokens: tokens(input), total_tokens: tokens(input) }, requests: 1 });
});

test('format "float32" gives one Float32Array per input, with the right values; "number" gives number[][] (types too)', async () => {
  const s = await start();
  const client = s.openai();
  const input = texts(300);

  // Type-level: these lines compile without a cast (checked by embed-many-types.test.ts).
  const f: Float32Array[] = (await client.embedMany({ model: MODEL, input, batchSize: 128, format: "float32" })).embeddings;
  const n: number[][] = (await client.embedMany({ model: MODEL, input, batchSize: 128, format: "number" })).embeddings;
  const d: number[][] = (await client.embedMany({ model: MODEL, input: input.slice(0, 2) })).embeddings;
  // @ts-expect-error the default format is number[][], not Float32Array[]
  const wrong: Float32Array[] = d;
  expect(wrong).toBe(d);

  expectVectors(f, input, 1536, "float32");
  expectVectors(n, input, 1536, "number");
  expectVectors(d, input.slice(0, 2), 1536, "number");
  expect(inputs(s).map((i) => i.length).sort((a, b) => b - a)).toEqual([128, 128, 128, 128, 44, 44, 2]);
  // onBatch's embeddings follow format too.
  const seen: string[] = [];
  await client.embedMany({ model: MODEL, input: input.slice(0, 2), format: "float32", onBatch: (e: Float32Array[]) => void seen.push(e[0]!.constructor.name) });
  await client.embedMany({ model: MODEL, input: input.slice(0, 2), onBatch: (e: number[][]) => void seen.push(e[0]!.constructor.name) });
  // @ts-expect-error with format "float32" onBatch gets Float32Array[], not number[][]
  await client.embedMany({ model: MODEL, input: input.slice(0, 2), format: "float32", onBatch: (e: number[][]) => void e });
  expect(seen).toEqual(["Float32Array", "Array"]);
});

test("float32 vectors are independent: writing to one does not change another", async () => {
  const s = await start();
  const input = texts(4);
  const { embeddings } = await s.openai().embedMany({ model: MODEL, input, dimensions: 4, format: "float32" });
  expectVectors(embeddings, input, 4, "float32");
  embeddings[0]!.fill(7);
  expect(Array.from(embeddings[0]!)).toEqual([7, 7, 7, 7]);
  expectVectors(embeddings.slice(1), input.slice(1), 4, "float32");
});

test("batchSize caps the inputs per call; onProgress(done, total) follows each finished call", async () => {
  const s = await start();
  const input = texts(25);
  const progress: [number, number, number][] = [];
  const result = await s.openai().embedMany({
    model: MODEL,
    input,
    dimensions: 16,
    batchSize: 10,
    concurrency: 1,
    onProgress: (done, total) => progress.push([done, total, s.emulator.requests.length]),
  });
  expect(inputs(s)).toEqual([input.slice(0, 10), input.slice(10, 20), input.slice(20)]);
  // [done, total, requests the server had seen when onProgress ran]
  expect(progress).toEqual([
    [10, 25, 1],
    [20, 25, 2],
    [25, 25, 3],
  ]);
  expect(result.requests).toBe(3);
  expectVectors(result.embeddings, input, 16, "number");
});

test("by default the first call goes alone, then up to 4 calls are in flight; concurrency 1 is sequential", async () => {
  const s = await start({ latencyMs: 30 });
  const input = texts(40);
  const result = await s.openai().embedMany({ model: MODEL, input, dimensions: 8, batchSize: 2 });
  expect(s.emulator.requests).toHaveLength(20);
  expect(s.emulator.stats.maxInFlight).toBeLessThanOrEqual(4);
  expect(s.emulator.stats.maxInFlight).toBeGreaterThan(1);
  expectVectors(result.embeddings, input, 8, "number");

  const sequential = await start({ latencyMs: 10 });
  const again = await sequential.openai().embedMany({ model: MODEL, input, dimensions: 8, batchSize: 4, concurrency: 1 });
  expect(inputs(sequential).map((i) => i.length)).toEqual(Array(10).fill(4));
  expect(sequential.emulator.stats.maxInFlight).toBe(1);
  expectVectors(again.embeddings, input, 8, "number");
});

test("concurrency 4: never more than 4 calls in flight, more than one at once, results in order", async () => {
  const s = await start({ latencyMs: 30 });
  const input = texts(60);
  const progress: number[] = [];
  const result = await s.openai().embedMany({
    model: MODEL,
    input,
    dimensions: 8,
    batchSize: 5,
    concurrency: 4,
    onProgress: (done, total) => {
      expect(total).toBe(60);
      progress.push(done);
    },
  });
  expect(s.emulator.stats.maxInFlight).toBeLessThanOrEqual(4);
  expect(s.emulator.stats.maxInFlight).toBeGreaterThan(1);
  expect(result.requests).toBe(12);
  expect(inputs(s).flat().sort()).toEqual([...input].sort());
  expectVectors(result.embeddings, input, 8, "number");
  expect(progress).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
  expect(result.usage.total_tokens).toBe(tokens(input));
});

test("empty input: no request, empty result", async () => {
  const s = await start();
  const result = await s.openai().embedMany({ model: MODEL, input: [] });
  expect(result).toEqual({ embeddings: [], usage: { prompt_tokens: 0, total_tokens: 0 }, requests: 0 });
  expect(s.emulator.requests).toHaveLength(0);
});

test("a non-string or empty-string item is a ConfigError naming its index, before any request", async () => {
  const s = await start();
  const client = s.openai();
  const cases: [unknown[], number][] = [
    [["a", 42, "c"], 1],
    [["a", "b", ""], 2],
    [[null], 0],
    [["a", "b", "c", ["d"]], 3],
  ];
  for (const [input, index] of cases) {
    const error = await (async () => client.embedMany({ model: MODEL, input: input as string[] }))().catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`input[${index}]`);
  }
  expect(s.emulator.requests).toHaveLength(0);
});

test("a batchSize or concurrency that is not a positive integer is a ConfigError, before any request", async () => {
  const s = await start();
  const client = s.openai();
  const input = texts(3);
  for (const bad of [0, -1, 1.5, NaN, Infinity, "4" as unknown as number]) {
    const e1 = await (async () => client.embedMany({ model: MODEL, input, batchSize: bad }))().catch((e) => e);
    expect(e1).toBeInstanceOf(ConfigError);
    expect(e1.message).toMatch(/batchSize/);
    const e2 = await (async () => client.embedMany({ model: MODEL, input, concurrency: bad }))().catch((e) => e);
    expect(e2).toBeInstanceOf(ConfigError);
    expect(e2.message).toMatch(/concurrency/);
  }
  expect(s.emulator.requests).toHaveLength(0);
});

test("bad arguments come back as a rejected promise, not a synchronous throw", async () => {
  const s = await start();
  const client = s.openai();
  let pending: Promise<unknown> | undefined;
  expect(() => {
    pending = client.embedMany({ model: MODEL, input: ["a", ""] });
  }).not.toThrow();
  await expect(pending).rejects.toBeInstanceOf(ConfigError);
  expect(() => {
    pending = client.embedMany({ model: MODEL, input: ["a"], batchSize: 0 });
  }).not.toThrow();
  await expect(pending).rejects.toBeInstanceOf(ConfigError);
  expect(s.emulator.requests).toHaveLength(0);
});

test('a caller\'s encoding_format: "float" is sent as is, and both formats still come out right', async () => {
  const s = await start();
  const client = s.openai();
  const input = texts(5);
  const n = await client.embedMany({ model: MODEL, input, dimensions: 12, encoding_format: "float" });
  const f = await client.embedMany({ model: MODEL, input, dimensions: 12, encoding_format: "float", format: "float32" });
  expect(bodies(s).map((b) => b.encoding_format)).toEqual(["float", "float"]);
  expectVectors(n.embeddings, input, 12, "number");
  expectVectors(f.embeddings, input, 12, "float32");
});

test("user and dimensions are passed through; format, batchSize, concurrency and onProgress are not sent", async () => {
  const s = await start();
  await s.openai().embedMany({ model: MODEL, input: ["x"], dimensions: 3, user: "u-42", batchSize: 5, concurrency: 2, format: "float32", onProgress: () => {} });
  expect(bodies(s)).toEqual([{ model: MODEL, input: ["x"], dimensions: 3, user: "u-42", encoding_format: "base64" }]);
});

test("OpenAI: a too-many-inputs 400 is an ApiError as usual, after 1 request, with no fallback", async () => {
  let count = 0;
  const server = await serve(async (request) => {
    count++;
    await request.text();
    return Response.json(
      { error: { message: tooManyInputsMessage(16), type: "invalid_request_error", param: null, code: null } },
      { status: 400, headers: { "x-request-id": "req_limit" } },
    );
  });
  servers.push(server);
  const client = createClient({ provider: "openai", apiKey: "sk-test", baseURL: server.url + "/v1" });
  const progress: number[] = [];
  const error = await client.embedMany({ model: MODEL, input: texts(100), onProgress: (d) => progress.push(d) }).catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 400, provider: "openai", requestId: "req_limit", message: tooManyInputsMessage(16) });
  expect(count).toBe(1);
  expect(progress).toEqual([]);
});

test("requests counts retries; a call that still fails after retries rejects the whole embedMany with its error", async () => {
  const emulator = createEmulator();
  let count = 0;
  // Call 2 fails once then succeeds; call 4 always fails.
  const server = await serve(async (request) => {
    count++;
    if (count == 2 || count >= 5) {
      await request.text();
      return Response.json({ error: { message: "The server is overloaded", type: "server_error", param: null, code: null } }, { status: 503, headers: { "retry-after-ms": "0" } });
    }
    return emulator.handle(request);
  });
  servers.push(server);
  const client = createClient({ provider: "openai", apiKey: "sk-test", baseURL: server.url + "/v1", maxRetries: 1 });
  const input = texts(20);

  const ok = await client.embedMany({ model: MODEL, input: input.slice(0, 10), dimensions: 4, batchSize: 5 });
  expect(ok.requests).toBe(3);
  expectVectors(ok.embeddings, input.slice(0, 10), 4, "number");

  const progress: number[] = [];
  const error = await client.embedMany({ model: MODEL, input, dimensions: 4, batchSize: 10, onProgress: (d) => progress.push(d) }).catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 503, message: "The server is overloaded" });
  expect(count).toBe(6); // 3 + one good call + 2 attempts of the failing one
  expect(progress).toEqual([10]);
});
