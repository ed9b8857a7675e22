// Every bad config and bad call argument is a ConfigError, thrown before a single request is sent.
import { afterEach, describe, expect, test } from "vitest";
import { ConfigError, createClient, OpenAISwitchError, type Client, type ClientConfig, type FetchLike } from "../src/mod.ts";
import { createEmulator } from "../src/testing.ts";

/** A fetch that counts calls (and answers like the service, so that a call that should have been refused still resolves). */
function countingFetch() {
  const emulator = createEmulator();
  const spy: { calls: number; fetch: FetchLike } = { calls: 0, fetch: (url, init) => (spy.calls++, emulator.fetch(url, init)) };
  return spy;
}

/** Runs `fn` and returns what it threw or rejected with, or undefined when it succeeded. */
async function errorOf(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

function expectConfigError(error: unknown, message?: RegExp) {
  expect(error).toBeInstanceOf(ConfigError);
  expect(error).toBeInstanceOf(OpenAISwitchError);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe("ConfigError");
  if (message) expect((error as Error).message).toMatch(message);
}

const AZURE = { provider: "azure", endpoint: "https://contoso.openai.azure.com", apiVersion: "2024-10-21", apiKey: "k" } as const;
const OPENAI = { provider: "openai", apiKey: "sk-test" } as const;
const messages = [{ role: "user" as const, content: "Hi" }];
const tokenProvider = () => "token";

describe("createClient refuses a bad config synchronously", () => {
  // [what, config, what the message must name]
  const cases: [string, unknown, RegExp][] = [
    ["no config", undefined, /config|provider/],
    ["a config that is not an object", "openai", /config|provider/],
    ["an unknown provider", { provider: "anthropic", apiKey: "k" }, /provider/],
    ["no provider", { apiKey: "sk-test" }, /provider/],
    ["openai with both apiKey and tokenProvider", { ...OPENAI, tokenProvider }, /apiKey.*tokenProvider/],
    ["azure with both apiKey and tokenProvider", { ...AZURE, tokenProvider }, /apiKey.*tokenProvider/],
    ["openai with neither apiKey nor tokenProvider", { provider: "openai" }, /apiKey.*tokenProvider/],
    ["azure with neither apiKey nor tokenProvider", { ...AZURE, apiKey: undefined }, /apiKey.*tokenProvider/],
    ["an empty apiKey", { ...OPENAI, apiKey: "" }, /apiKey/],
    ["a tokenProvider that is not a function", { provider: "openai", tokenProvider: "token" }, /tokenProvider/],
    ["azure without endpoint", { ...AZURE, endpoint: undefined }, /endpoint/],
    ["azure without apiVersion", { ...AZURE, apiVersion: undefined }, /apiVersion/],
    ["azure apiVersion 'latest'", { ...AZURE, apiVersion: "latest" }, /apiVersion/],
    ["azure apiVersion '2024/10/21'", { ...AZURE, apiVersion: "2024/10/21" }, /apiVersion/],
    ["azure apiVersion '2024-10-21-beta'", { ...AZURE, apiVersion: "2024-10-21-beta" }, /apiVersion/],
    ["azure apiVersion ''", { ...AZURE, apiVersion: "" }, /apiVersion/],
    ["azure apiVersion with a query injected", { ...AZURE, apiVersion: "2024-10-21&x=1" }, /apiVersion/],
    ["a relative azure endpoint", { ...AZURE, endpoint: "contoso.openai.azure.com" }, /endpoint/],
    ["a path-only azure endpoint", { ...AZURE, endpoint: "/openai" }, /endpoint/],
    ["an ftp:// azure endpoint", { ...AZURE, endpoint: "ftp://contoso.openai.azure.com" }, /endpoint/],
    ["an empty azure endpoint", { ...AZURE, endpoint: "" }, /endpoint/],
    ["an azure endpoint with no host", { ...AZURE, endpoint: "https://" }, /endpoint/],
    ["a relative baseURL", { ...OPENAI, baseURL: "api.openai.com/v1" }, /baseURL/],
    ["an ftp:// baseURL", { ...OPENAI, baseURL: "ftp://api.openai.com/v1" }, /baseURL/],
    ["an empty baseURL", { ...OPENAI, baseURL: "" }, /baseURL/],
    ["maxRetries -1", { ...OPENAI, maxRetries: -1 }, /maxRetries/],
    ["maxRetries 1.5", { ...OPENAI, maxRetries: 1.5 }, /maxRetries/],
    ["maxRetries NaN", { ...AZURE, maxRetries: NaN }, /maxRetries/],
    ["maxRetries as a string", { ...AZURE, maxRetries: "2" }, /maxRetries/],
    ["timeoutMs 0", { ...OPENAI, timeoutMs: 0 }, /timeoutMs/],
    ["timeoutMs -5", { ...AZURE, timeoutMs: -5 }, /timeoutMs/],
    ["timeoutMs Infinity", { ...OPENAI, timeoutMs: Infinity }, /timeoutMs/],
    ["timeoutMs as a string", { ...OPENAI, timeoutMs: "1000" }, /timeoutMs/],
  ];

  test.each(cases)("%s", (_, config, message) => {
    const spy = countingFetch();
    const withFetch = config && typeof config == "object" ? { ...config, fetch: spy.fetch } : config;
    let error: unknown;
    try {
      createClient(withFetch as ClientConfig);
    } catch (e) {
      error = e;
    }
    expectConfigError(error, message);
    expect(spy.calls).toBe(0);
  });

  test("the edge values are accepted: maxRetries 0, timeoutMs 1, a dated preview, v1", () => {
    expect(() => createClient({ ...OPENAI, maxRetries: 0, timeoutMs: 1 })).not.toThrow();
    expect(() => createClient({ ...AZURE, apiVersion: "2025-04-01-preview" })).not.toThrow();
    expect(() => createClient({ ...AZURE, apiVersion: "v1" })).not.toThrow();
    expect(() => createClient({ ...AZURE, endpoint: "HTTP://127.0.0.1:8080" })).not.toThrow();
  });
});

describe("in a browser (globalThis.document exists)", () => {
  const g = globalThis as { document?: unknown };
  afterEach(() => {
    delete g.document;
  });

  test.each([
    ["openai", OPENAI],
    ["azure", AZURE],
  ] as const)("%s: an apiKey needs dangerouslyAllowBrowser; a tokenProvider needs no flag", async (_, config) => {
    g.document = {};
    const spy = countingFetch();
    const refused = await errorOf(() => createClient({ ...config, fetch: spy.fetch }));
    expectConfigError(refused, /dangerouslyAllowBrowser/);
    expect(spy.calls).toBe(0);

    const allowed = createClient({ ...config, fetch: spy.fetch, dangerouslyAllowBrowser: true });
    await allowed.chat({ model: "gpt-4o", messages });
    const withToken = createClient({ ...config, apiKey: undefined, tokenProvider: () => "sk-token", fetch: spy.fetch });
    await withToken.chat({ model: "gpt-4o", messages });
    expect(spy.calls).toBe(2);
  });

  test("outside a browser an apiKey needs no flag", () => {
    expect("document" in globalThis).toBe(false);
    expect(() => createClient(OPENAI)).not.toThrow();
  });
});

describe("bad call arguments are a ConfigError and nothing is sent", () => {
  // [what, provider, call, what the message must name]
  const cases: [string, "openai" | "azure", (c: Client) => unknown, RegExp][] = [
    ["chat without model", "openai", (c) => c.chat({ messages } as never), /model/],
    ["chat with an empty model", "openai", (c) => c.chat({ model: "", messages }), /model/],
    ["azure chat with neither model nor deployment", "azure", (c) => c.chat({ messages } as never), /model/],
    ["chat without messages", "openai", (c) => c.chat({ model: "gpt-4o" } as never), /messages/],
    ["chat with empty messages", "azure", (c) => c.chat({ model: "gpt-4o", messages: [] }), /messages/],
    ["chat with messages that are not an array", "openai", (c) => c.chat({ model: "gpt-4o", messages: "Hi" } as never), /messages/],
    ["chat with a null request", "openai", (c) => c.chat(null as never), /./],
    ["chat with a string request", "azure", (c) => c.chat("Hi" as never), /./],
    ["complete without model", "azure", (c) => c.complete({ prompt: "x" } as never), /model/],
    ["complete with a null request", "openai", (c) => c.complete(null as never), /request|model/],
    ["complete with a string request", "openai", (c) => c.complete("x" as never), /request|model/],
    ["embed without model", "openai", (c) => c.embed({ input: "A" } as never), /model/],
    ["embed with an empty string", "openai", (c) => c.embed({ model: "m", input: "" }), /input/],
    ["embed with an empty string in an array", "azure", (c) => c.embed({ model: "m", input: ["A", ""] }), /input\[1\]/],
    ["embed with a number", "openai", (c) => c.embed({ model: "m", input: 5 } as never), /input/],
    ["embed with a number in an array", "azure", (c) => c.embed({ model: "m", input: ["A", 5] } as never), /input\[1\]/],
    ["embed with null in an array", "openai", (c) => c.embed({ model: "m", input: [null] } as never), /input\[0\]/],
    ["embed without input", "openai", (c) => c.embed({ model: "m" } as never), /input/],
    ["embed with a null request", "openai", (c) => c.embed(null as never), /./],
    ["embed with a string request", "azure", (c) => c.embed("A" as never), /./],
  ];

  test.each(cases)("%s (%s)", async (_, provider, call, message) => {
    const spy = countingFetch();
    const client = createClient({ ...(provider == "openai" ? OPENAI : AZURE), fetch: spy.fetch });
    expectConfigError(await errorOf(() => call(client)), message);
    expect(spy.calls).toBe(0);
  });

  // A Promise-returning method must report bad arguments through its promise: `client.chat(x).catch(f)` is
  // how many users handle errors, and a synchronous throw escapes it.
  test.each([
    ["chat", (c: Client) => c.chat({ model: "gpt-4o", messages: [] })],
    ["complete", (c: Client) => c.complete({ prompt: "x" } as never)],
    ["embed", (c: Client) => c.embed({ model: "m", input: "" })],
  ] as const)("%s reports bad arguments by rejecting its promise, never by throwing synchronously", async (_, call) => {
    const client = createClient({ ...OPENAI, fetch: countingFetch().fetch });
    let result: unknown;
    expect(() => {
      result = call(client);
    }).not.toThrow();
    await expect(result).rejects.toBeInstanceOf(ConfigError);
  });
});
