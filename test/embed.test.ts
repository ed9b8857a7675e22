// client.embed: one HTTP call, a string or string[] input, and `data[i].embedding` a number[] equal to the
// float32 values whether the server sent base64 (the default asked for) or floats.
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { ApiError, ConfigError } from "../src/mod.ts";
import { countTokens, embeddingOf } from "../src/testing.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

let s: EmulatorServer;
beforeAll(async () => {
  s = await startEmulator({ deployments: { ada: {}, old: { ignoresEncodingFormat: true }, ada16: { maxInputs: 16 } } });
});
afterAll(() => s.close());
beforeEach(() => s.emulator.reset());

const vector = (text: string, dims: number) => Array.from(embeddingOf(text, dims));
const bodies = () => s.emulator.requests.map((r) => r.body);

test("a string input: one call, base64 asked for, embedding is number[] of the float32 values", async () => {
  const response = await s.openai().embed({ model: "text-embedding-3-small", input: "Hello, world." });
  expect(s.emulator.requests.map((r) => r.url)).toEqual([s.url + "/v1/embeddings"]);
  expect(bodies()).toEqual([{ model: "text-embedding-3-small", input: "Hello, world.", encoding_format: "base64" }]);
  expect(response).toEqual({
    object: "list",
    model: "text-embedding-3-small",
    data: [{ object: "embedding", index: 0, embedding: vector("Hello, world.", 1536) }],
    usage: { prompt_tokens: countTokens("Hello, world."), total_tokens: countTokens("Hello, world.") },
  });
  expect(Array.isArray(response.data[0]!.embedding)).toBe(true);
});

test("a string[] input: one call, data in input order, each a number[]", async () => {
  const input = ["first", "second text", "third, and last"];
  const response = await s.openai().embed({ model: "text-embedding-3-small", input, dimensions: 64 });
  expect(bodies()).toEqual([{ model: "text-embedding-3-small", input, dimensions: 64, encoding_format: "base64" }]);
  expect(response.data.map((d) => d.index)).toEqual([0, 1, 2]);
  for (let i = 0; i < 3; i++) {
    expect(Array.isArray(response.data[i]!.embedding)).toBe(true);
    expect(response.data[i]!.embedding).toEqual(vector(input[i]!, 64));
  }
});

test("small dimensions decode right too (vectors that fit Node's shared buffer pool)", async () => {
  const input = Array.from({ length: 20 }, (_, i) => `short ${i}`);
  for (const dims of [1, 3, 8, 256, 1024]) {
    const response = await s.openai().embed({ model: "text-embedding-3-small", input, dimensions: dims });
    expect(response.data.map((d) => d.embedding)).toEqual(input.map((t) => vector(t, dims)));
  }
});

test("Azure: one call to the deployment URL, same values", async () => {
  const response = await s.azure().embed({ model: "ada", input: ["a", "b"], dimensions: 16 });
  expect(s.emulator.requests.map((r) => r.url)).toEqual([s.url + "/openai/deployments/ada/embeddings?api-version=2024-10-21"]);
  expect(response.data.map((d) => d.embedding)).toEqual([vector("a", 16), vector("b", 16)]);
});

test("a server that ignores encoding_format and sends floats gives the same numbers", async () => {
  const input = ["one", "two"];
  const viaFloats = await s.azure().embed({ model: "old", input, dimensions: 32 });
  const viaBase64 = await s.azure().embed({ model: "ada", input, dimensions: 32 });
  expect(bodies().map((b) => (b as { encoding_format: string }).encoding_format)).toEqual(["base64", "base64"]);
  expect(viaFloats.data.map((d) => d.embedding)).toEqual(input.map((t) => vector(t, 32)));
  expect(viaFloats.data.map((d) => d.embedding)).toEqual(viaBase64.data.map((d) => d.embedding));
});

test('a caller\'s encoding_format: "float" is sent as is; embedding is still number[]', async () => {
  const response = await s.openai().embed({ model: "m", input: "x", dimensions: 5, encoding_format: "float" });
  expect(bodies()).toEqual([{ model: "m", input: "x", dimensions: 5, encoding_format: "float" }]);
  expect(response.data[0]!.embedding).toEqual(vector("x", 5));
});

test("embed makes exactly one call: too many inputs for an Azure deployment is an ApiError, no fallback", async () => {
  const error = await s.azure().embed({ model: "ada16", input: Array.from({ length: 20 }, (_, i) => `t${i}`) }).catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(400);
  expect(error.message).toMatch(/max number of inputs is 16/);
  expect(s.emulator.requests).toHaveLength(1);
});

test("an empty or non-string input is a ConfigError before any request", async () => {
  for (const input of ["", ["a", ""], ["a", 3], [null]]) {
    const error = await s.openai().embed({ model: "m", input: input as string[] }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
  }
  expect(s.emulator.requests).toHaveLength(0);
});
