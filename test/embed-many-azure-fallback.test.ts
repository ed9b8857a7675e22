// embedMany on Azure over real HTTP: deployments that take 1, 16 or 2048 inputs per call. The first multi-input
// call is a probe; a "Too many inputs" 400 re-chunks to the size it names, the size is remembered per deployment
// on the client, and nothing is lost, repeated or reordered. Tests of the exact order of calls use concurrency 1.
import { expect, test } from "vitest";
import { ApiError, createClient } from "../src/mod.ts";
import { createEmulator, type EmulatorOptions, serve, tooManyInputsMessage } from "../src/testing.ts";
import { expectVectors, inputs, serversClosedAfterEach, tokens } from "./embed-helpers.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

const DEPLOYMENTS = {
  ada16: { maxInputs: 16 },
  ada1: { maxInputs: 1 },
  big: {},
  old: { ignoresEncodingFormat: true },
  old16: { maxInputs: 16, ignoresEncodingFormat: true },
};
const texts = (n: number, tag = "doc") => Array.from({ length: n }, (_, i) => `${tag} ${i}: some words.`);
const chunks = (input: readonly string[], size: number) => {
  const out: string[][] = [];
  for (let i = 0; i < input.length; i += size) out.push(input.slice(i, i + size));
  return out;
};
const deploymentURL = (s: EmulatorServer, name: string) => `${s.url}/openai/deployments/${name}/embeddings?api-version=2024-10-21`;

const servers = serversClosedAfterEach();
const start = async (options: EmulatorOptions = {}) => {
  const s = await startEmulator({ deployments: DEPLOYMENTS, ...options });
  servers.push(s);
  return s;
};

test("limited to 16: one failing probe, then calls of 16 in order; every vector right, usage summed", async () => {
  const s = await start();
  const input = texts(100);
  const progress: number[] = [];
  const result = await s.azure().embedMany({ model: "ada16", input, dimensions: 8, concurrency: 1, onProgress: (done, total) => progress.push(done / total) });

  expect(s.emulator.requests.map((r) => r.url)).toEqual(Array(1 + Math.ceil(100 / 16)).fill(deploymentURL(s, "ada16")));
  expect(inputs(s)).toEqual([input, ...chunks(input, 16)]);
  expect(result.requests).toBe(8);
  expectVectors(result.embeddings, input, 8, "number");
  expect(result.usage).toEqual({ prompt_tokens: tokens(input), total_tokens: tokens(input) });
  expect(progress).toEqual([16, 32, 48, 64, 80, 96, 100].map((d) => d / 100));
});

test("the limit is remembered on the client: the second embedMany sends no failing probe; a new client probes again", async () => {
  const s = await start();
  const client = s.azure();
  const first = texts(40, "first");
  expect((await client.embedMany({ model: "ada16", input: first, dimensions: 8, concurrency: 1 })).requests).toBe(1 + 3);

  s.emulator.reset();
  const second = texts(50, "second");
  const again = await client.embedMany({ model: "ada16", input: second, dimensions: 8, concurrency: 1, format: "float32" });
  expect(inputs(s)).toEqual(chunks(second, 16));
  expect(again.requests).toBe(4);
  expectVectors(again.embeddings, second, 8, "float32");

  s.emulator.reset();
  const fresh = await s.azure().embedMany({ model: "ada16", input: second, dimensions: 8, concurrency: 1 });
  expect(inputs(s)).toEqual([second, ...chunks(second, 16)]);
  expect(fresh.requests).toBe(5);
  expectVectors(fresh.embeddings, second, 8, "number");
});

test("limits are per deployment: learning ada16's limit does not shrink calls to another deployment", async () => {
  const s = await start();
  const client = s.azure();
  await client.embedMany({ model: "ada16", input: texts(20), dimensions: 4 });
  s.emulator.reset();
  const input = texts(100);
  const result = await client.embedMany({ model: "big", input, dimensions: 4 });
  expect(s.emulator.requests.map((r) => r.url)).toEqual([deploymentURL(s, "big")]);
  expect(inputs(s)).toEqual([input]);
  expect(result.requests).toBe(1);
  expectVectors(result.embeddings, input, 4, "number");
});

test("limited to 1 with concurrency 1: one call per input, in order, one at a time", async () => {
  const s = await start({ latencyMs: 5 });
  const input = texts(12);
  const result = await s.azure().embedMany({ model: "ada1", input, dimensions: 8, format: "float32", concurrency: 1 });
  expect(inputs(s)).toEqual([input, ...input.map((t) => [t])]);
  expect(result.requests).toBe(13);
  expect(s.emulator.stats.maxInFlight).toBe(1);
  expectVectors(result.embeddings, input, 8, "float32");
  expect(result.usage.total_tokens).toBe(tokens(input));
});

test("limited to 1 with concurrency 4: at most 4 calls in flight, more than one, results in order", async () => {
  const s = await start({ latencyMs: 20 });
  const input = texts(20);
  const result = await s.azure().embedMany({ model: "ada1", input, dimensions: 8, concurrency: 4 });
  expect(s.emulator.stats.maxInFlight).toBeLessThanOrEqual(4);
  expect(s.emulator.stats.maxInFlight).toBeGreaterThan(1);
  expect(inputs(s)[0]).toEqual(input);
  expect(inputs(s).slice(1).map((i) => i.length)).toEqual(Array(20).fill(1));
  expect(inputs(s).slice(1).flat().sort()).toEqual([...input].sort());
  expect(result.requests).toBe(21);
  expectVectors(result.embeddings, input, 8, "number");
});

test("limited to 16 with concurrency 4: the probe goes alone, then up to 4 calls in flight", async () => {
  const emulator = createEmulator({ deployments: DEPLOYMENTS, latencyMs: 30 });
  const log: string[] = [];
  let active = 0;
  let maxActive = 0;
  const server = await serve(async (request) => {
    const n = ((await request.clone().json()) as { input: string[] }).input.length;
    maxActive = Math.max(maxActive, ++active);
    log.push(`start ${n}`);
    const response = await emulator.handle(request);
    active--;
    log.push(`end ${n} ${response.status}`);
    return response;
  });
  servers.push(server);
  const client = createClient({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21", apiKey: "azure-key" });
  const input = texts(200);
  const result = await client.embedMany({ model: "ada16", input, dimensions: 8, concurrency: 4 });

  expect(log.slice(0, 3)).toEqual(["start 200", "end 200 400", "start 16"]);
  expect(log.filter((e) => e.startsWith("start"))).toHaveLength(1 + 13);
  expect(maxActive).toBeLessThanOrEqual(4);
  expect(maxActive).toBeGreaterThan(1);
  expect(result.requests).toBe(14);
  expectVectors(result.embeddings, input, 8, "number");
});

test("a deployment that takes 2048 inputs gets 2048 inputs in one request", async () => {
  const s = await start();
  const input = texts(2048);
  const result = await s.azure().embedMany({ model: "big", input, dimensions: 8 });
  expect(inputs(s)).toEqual([input]);
  expect(result.requests).toBe(1);
  expectVectors(result.embeddings, input, 8, "number");
});

test("the deployment can be named by `deployment` or through the client's deployments map", async () => {
  const s = await start();
  const input = texts(20);
  const byField = await s.azure().embedMany({ model: "text-embedding-ada-002", deployment: "ada16", input, dimensions: 4, concurrency: 1 });
  const byMap = await s.azure({ deployments: { "text-embedding-ada-002": "ada16" } }).embedMany({ model: "text-embedding-ada-002", input, dimensions: 4, concurrency: 1 });
  expect(s.emulator.requests.map((r) => r.url)).toEqual(Array(6).fill(deploymentURL(s, "ada16")));
  expect(inputs(s)).toEqual([input, ...chunks(input, 16), input, ...chunks(input, 16)]);
  expectVectors(byField.embeddings, input, 4, "number");
  expectVectors(byMap.embeddings, input, 4, "number");
});

test("Azure v1 form: same fallback on /openai/v1/embeddings with the deployment as model, remembered too", async () => {
  const s = await start();
  const client = s.azure({ apiVersion: "v1" });
  const input = texts(40);
  const result = await client.embedMany({ model: "ada16", input, dimensions: 8, concurrency: 1 });
  expect(s.emulator.requests.map((r) => r.url)).toEqual(Array(4).fill(`${s.url}/openai/v1/embeddings`));
  expect(s.emulator.requests.map((r) => (r.body as { model: string }).model)).toEqual(Array(4).fill("ada16"));
  expect(inputs(s)).toEqual([input, ...chunks(input, 16)]);
  expect(result.requests).toBe(4);
  expectVectors(result.embeddings, input, 8, "number");

  s.emulator.reset();
  const again = await client.embedMany({ model: "ada16", input, dimensions: 8, concurrency: 1 });
  expect(inputs(s)).toEqual(chunks(input, 16));
  expect(again.requests).toBe(3);
  // Another v1 deployment on the same client is not shrunk.
  s.emulator.reset();
  await client.embedMany({ model: "big", input, dimensions: 8 });
  expect(inputs(s)).toEqual([input]);
});

test("a 400 that names `input` but not as an input limit is an ApiError after one request, and no limit is learned", async () => {
  // Only "Too many inputs … is N" and "array of 1 to N" set a limit; this one must not pin the deployment to 1.
  const emulator = createEmulator();
  let refuse = true;
  const server = await serve(async (request) => {
    const body = (await request.clone().json()) as { input: unknown };
    if (refuse && Array.isArray(body.input) && body.input.length > 1) {
      return Response.json(
        { error: { message: "'$.input' is invalid: expected a string, got an array.", type: "invalid_request_error", param: "input", code: null } },
        { status: 400 },
      );
    }
    return emulator.handle(request);
  });
  servers.push(server);
  const client = createClient({ provider: "azure", endpoint: server.url, apiVersion: "2023-05-15", apiKey: "azure-key" });
  const input = texts(6);
  const error = await client.embedMany({ model: "ada-v1", input, dimensions: 8 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 400, param: "input" });
  expect(emulator.requests).toHaveLength(0);
  refuse = false;
  const result = await client.embedMany({ model: "ada-v1", input, dimensions: 8 });
  expect(emulator.requests.map((r) => (r.body as { input: string[] }).input)).toEqual([input]);
  expect(result.requests).toBe(1);
  expectVectors(result.embeddings, input, 8, "number");
});

test("other Azure errors are not taken for an input limit: ApiError after one request", async () => {
  let count = 0;
  const server = await serve(async (request) => {
    count++;
    await request.text();
    return Response.json(
      { error: { message: "The embeddings operation does not work with the specified model, gpt-4o. Please choose different model and try again.", type: "invalid_request_error", param: null, code: "OperationNotSupported" } },
      { status: 400, headers: { "apim-request-id": "apim-1" } },
    );
  });
  servers.push(server);
  const client = createClient({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21", apiKey: "azure-key" });
  const error = await client.embedMany({ model: "ada", input: texts(30) }).catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 400, provider: "azure", requestId: "apim-1" });
  expect(count).toBe(1);

  const s = await start();
  const missing = await s.azure().embedMany({ model: "no-such-deployment", input: texts(30) }).catch((e) => e);
  expect(missing).toBeInstanceOf(ApiError);
  expect(missing).toMatchObject({ status: 404, code: "DeploymentNotFound" });
  expect(s.emulator.requests).toHaveLength(1);
});

test("a too-many-inputs 400 that arrives for a single input is an ApiError, not a loop", async () => {
  let count = 0;
  const server = await serve(async (request) => {
    count++;
    await request.text();
    return Response.json({ error: { message: tooManyInputsMessage(1), type: "invalid_request_error", param: null, code: null } }, { status: 400 });
  });
  servers.push(server);
  const client = createClient({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21", apiKey: "azure-key" });
  // One call at a time, so the count is exact: once the probe has named a limit, calls go at full concurrency.
  const error = await client.embedMany({ model: "ada", input: texts(3), concurrency: 1 }).catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(400);
  expect(count).toBe(2); // the probe of 3, then the first single input
});

test("a deployment that ignores encoding_format (floats on the wire) still gives the right values in both formats", async () => {
  const s = await start();
  // The emulator really sends floats here although base64 was asked for.
  const raw = await fetch(deploymentURL(s, "old"), {
    method: "POST",
    headers: { "api-key": "k", "content-type": "application/json" },
    body: JSON.stringify({ input: ["x"], dimensions: 4, encoding_format: "base64" }),
  });
  expect(Array.isArray(((await raw.json()) as { data: { embedding: unknown }[] }).data[0]!.embedding)).toBe(true);
  s.emulator.reset();

  const client = s.azure();
  const input = texts(30);
  const n = await client.embedMany({ model: "old", input, dimensions: 8 });
  const f = await client.embedMany({ model: "old", input, dimensions: 8, format: "float32" });
  const limited = await client.embedMany({ model: "old16", input, dimensions: 8, format: "float32" });
  expect(s.emulator.requests.map((r) => (r.body as { encoding_format: string }).encoding_format)).toEqual(Array(2 + 3).fill("base64"));
  expectVectors(n.embeddings, input, 8, "number");
  expectVectors(f.embeddings, input, 8, "float32");
  expectVectors(limited.embeddings, input, 8, "float32");
  expect(limited.requests).toBe(3);
});

test("a batchSize above the services' 2048 cap never degrades a 2048-input deployment to one input per call", async () => {
  const s = await start();
  const input = texts(2100);
  // Either refused up front (ConfigError, nothing sent) or sent in calls of at most 2048 after at most one refusal.
  const result = await s.azure().embedMany({ model: "big", input, dimensions: 2, batchSize: 3000 }).catch((e: Error) => e);
  if (result instanceof Error) {
    expect(result.name).toBe("ConfigError");
    expect(s.emulator.requests).toHaveLength(0);
    return;
  }
  expect(result.requests).toBeLessThanOrEqual(3);
  // The two calls after the refusal go out together, so the server may see either first.
  expect(inputs(s).slice(-2).map((i) => i.length).sort((a, b) => b - a)).toEqual([2048, 52]);
  expectVectors(result.embeddings, input, 2, "number");
});
