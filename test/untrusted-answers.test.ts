// Answers that must not be trusted: a 2xx whose body is not the JSON expected is a ConnectionError carrying status
// and text, never a TypeError or a null result, and never retried (it was billed); only the service's own
// input-limit messages set an embedding limit; junk retry hints are ignored.
import { describe, test } from "vitest";
import { ApiError, ConnectionError, createClient, type Client } from "../src/mod.ts";
import { resolveProvider } from "../src/providers.ts";
import { hintedDelay } from "../src/retry.ts";
import { clientsFor, HI, ok, rejection } from "./fault-server.ts";
import { scripted, WAYS } from "./helpers/scripted.ts";

const KEY = "sk-untrusted-KEY-4d5e6f70";
const AZURE_KEY = "azure-untrusted-KEY-a1b2";
const SECRETS = [KEY, AZURE_KEY];
const { openai, azure } = clientsFor({ openai: KEY, azure: AZURE_KEY });

const calls: [string, (c: Client) => Promise<unknown>, string][] = [
  ["chat", (c) => c.chat(HI), "choices"],
  ["complete", (c) => c.complete({ model: "m", prompt: "x" }), "choices"],
  ["embed", (c) => c.embed({ model: "m", input: ["a"] }), "data"],
];
const bodies: [string, string, RegExp][] = [
  ["null", "null", /is not a JSON object/],
  ["[]", "[]", /is not a JSON object/],
  ["42", "42", /is not a JSON object/],
  ['"text"', '"text"', /is not a JSON object/],
  ["{}", "{}", /has no "(choices|data)" list/],
  ["a list that is not an array", '{"choices":{"0":1},"data":"x"}', /has no "(choices|data)" list/],
  ["an empty body", "", /is not JSON/],
];

describe.each(WAYS)("a 2xx that is not the JSON expected, over %s", (way) => {
  for (const [name, call, field] of calls) {
    test.concurrent.for(bodies)(`${name}: a 200 of %s is a ConnectionError with status and body, 1 request`, async ([, text, problem], t) => {
      const s = await scripted(way, t, [{ headers: { "content-type": "application/json" }, body: text }, ok()]);
      const e = await rejection(call(azure(s, { fetch: s.fetch })), SECRETS);
      t.expect(e).toBeInstanceOf(ConnectionError);
      t.expect(e).toMatchObject({ status: 200, body: text });
      t.expect(e.message).toMatch(problem);
      t.expect(e.message).toMatch(/^POST \S+\/openai\/deployments\/\S+ ?/);
      if (problem.source.includes("list")) t.expect(e.message).toContain(`"${field}"`);
      t.expect(s.requests).toHaveLength(1);
    });
  }

  test.concurrent("a 201 counts as a 2xx: not retried either", async (t) => {
    const s = await scripted(way, t, [{ status: 201, body: { ok: true } }, ok()]);
    const e = await rejection(openai(s, { fetch: s.fetch }).chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ConnectionError", status: 201 });
    t.expect(s.requests).toHaveLength(1);
  });
});

describe.each(WAYS)("only the service's input-limit messages set a limit, over %s", (way) => {
  const refusal = (message: string) => ({
    status: 400,
    body: { error: { message, type: "invalid_request_error", param: "input", code: null } },
  });
  const embeddings = (n: number) => ({
    body: {
      object: "list",
      model: "m",
      data: Array.from({ length: n }, (_, index) => ({ object: "embedding", index, embedding: [index] })),
      usage: { prompt_tokens: n, total_tokens: n },
    },
  });

  test.concurrent("'Too many inputs … is 2': split to 2, the limit remembered", async (t) => {
    const s = await scripted(way, t, [refusal("Too many inputs. The max number of inputs is 2.  We hope to increase..."), embeddings(2), embeddings(1)]);
    // One call at a time: the script answers in arrival order, and once a limit is named the calls go together.
    const result = await azure(s, { fetch: s.fetch }).embedMany({ model: "ada", input: ["a", "b", "c"], concurrency: 1 });
    t.expect(result.requests).toBe(3);
    t.expect(s.requests.map((r) => JSON.parse(r.body).input)).toEqual([["a", "b", "c"], ["a", "b"], ["c"]]);
  });

  test.concurrent("'an array of 1 to 2 strings': the same", async (t) => {
    const s = await scripted(way, t, [refusal("'input' must be a string or an array of 1 to 2 strings"), embeddings(2), embeddings(1)]);
    const result = await azure(s, { fetch: s.fetch }).embedMany({ model: "ada", input: ["a", "b", "c"], concurrency: 1 });
    t.expect(result.requests).toBe(3);
  });

  test.concurrent.for([
    "'$.input' is invalid. Please check the API reference.",
    // (A "maximum context length" 400 is not here: embedMany halves the call to name the too-long input, issue #14,
    // tested in embed-many-limits.test.ts.)
    "'input' contains an item that is not a string.",
    "Invalid input: 12 inputs are not allowed here",
  ])("another 400 about input (%s): an ApiError after 1 request, nothing learned", async (message, t) => {
    const s = await scripted(way, t, [refusal(message), embeddings(3)]);
    const client = azure(s, { fetch: s.fetch });
    const e = await rejection(client.embedMany({ model: "ada", input: ["a", "b", "c"] }), SECRETS);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e.message).toBe(message);
    t.expect(s.requests).toHaveLength(1);
    const again = await client.embedMany({ model: "ada", input: ["a", "b", "c"] });
    t.expect(again.requests).toBe(1); // the whole batch again: no limit was pinned
  });
});

describe("inputLimit reads only the service's messages", () => {
  const { inputLimit } = resolveProvider({ provider: "azure", endpoint: "https://x.openai.azure.com", apiVersion: "2024-10-21", apiKey: "k" });
  const at = (status: number, message: unknown, param: unknown = "input") => inputLimit?.(status, { error: { message, param } });

  test("the two messages, with their number", ({ expect }) => {
    expect(at(400, "Too many inputs. The max number of inputs is 16.  We hope to increase the number...")).toBe(16);
    expect(at(400, "Too many inputs. The max number of inputs is 1.")).toBe(1);
    expect(at(400, "'input' must be a string or an array of 1 to 2048 strings")).toBe(2048);
  });

  test("anything else is no limit", ({ expect }) => {
    expect(at(400, "'$.input' is invalid.")).toBeUndefined();
    expect(at(400, "Too many inputs.")).toBeUndefined(); // names no number
    expect(at(400, "Too many inputs. The max number of inputs is 0.")).toBeUndefined();
    expect(at(429, "Too many inputs. The max number of inputs is 16.")).toBeUndefined();
    expect(at(400, 16)).toBeUndefined();
    expect(inputLimit?.(400, null)).toBeUndefined();
    expect(inputLimit?.(400, "Too many inputs. The max number of inputs is 16.")).toBeUndefined();
  });
});

describe("retry hints: junk is ignored, one header after the other", () => {
  const hint = (headers: Record<string, string>) => hintedDelay(new Headers(headers));

  test("empty or junk values are no hint (not a 0 ms wait)", ({ expect }) => {
    for (const value of ["", " ", "soon", "1e3", "-5", "0x10", "5 ms", "NaN", "Infinity"]) {
      expect(hint({ "retry-after-ms": value }), `retry-after-ms ${JSON.stringify(value)}`).toBeUndefined();
      expect(hint({ "retry-after": value }), `retry-after ${JSON.stringify(value)}`).toBeUndefined();
    }
  });

  test("a junk retry-after-ms does not hide a good retry-after", ({ expect }) => {
    expect(hint({ "retry-after-ms": "", "retry-after": "2" })).toBe(2000);
    expect(hint({ "retry-after-ms": "soon", "retry-after": "0" })).toBe(0);
    expect(hint({ "retry-after-ms": "250", "retry-after": "2" })).toBe(250);
  });

  test("x-ratelimit-reset-requests, then -tokens, as Go durations", ({ expect }) => {
    expect(hint({ "x-ratelimit-reset-requests": "1s" })).toBe(1000);
    expect(hint({ "x-ratelimit-reset-requests": "20ms" })).toBe(20);
    expect(hint({ "x-ratelimit-reset-tokens": "6m0s" })).toBe(360_000);
    expect(hint({ "x-ratelimit-reset-tokens": "1m30.5s" })).toBe(90_500);
    expect(hint({ "x-ratelimit-reset-requests": "2s", "x-ratelimit-reset-tokens": "5s" })).toBe(2000);
    expect(hint({ "x-ratelimit-reset-requests": "soon", "x-ratelimit-reset-tokens": "5s" })).toBe(5000);
    expect(hint({ "retry-after": "1", "x-ratelimit-reset-requests": "9s" })).toBe(1000);
    for (const junk of ["", "1", "s", "1x", "-1s", "1s2"]) expect(hint({ "x-ratelimit-reset-tokens": junk }), junk).toBeUndefined();
  });

  test.for(WAYS)("over %s: an empty retry-after-ms with retry-after: 1 waits about a second, not 0 ms", async (way, t) => {
    const s = await scripted(way, t, [{ status: 429, headers: { "retry-after-ms": "", "retry-after": "1" }, body: { error: { message: "slow down" } } }, ok()]);
    const started = Date.now();
    await openai(s, { fetch: s.fetch }).chat(HI);
    t.expect(s.requests).toHaveLength(2);
    // Not a timing claim about speed: the second request must not come before the second the server asked for.
    t.expect(s.requests[1]!.at - started).toBeGreaterThanOrEqual(1000 - 5);
  });

  test.for(WAYS)("over %s: x-ratelimit-reset-requests alone is honoured", async (way, t) => {
    const s = await scripted(way, t, [{ status: 429, headers: { "x-ratelimit-reset-requests": "900ms" }, body: { error: { message: "slow" } } }, ok()]);
    const started = Date.now();
    await createClient({ provider: "openai", apiKey: KEY, baseURL: s.url + "/v1", fetch: s.fetch }).chat(HI);
    t.expect(s.requests[1]!.at - started).toBeGreaterThanOrEqual(900 - 5);
  });
});
