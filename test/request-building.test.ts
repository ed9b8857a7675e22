// Requests that must not be built: endpoints and base URLs are parsed as URLs (their query kept, no fragment, no
// userinfo, no /openai/openai/…), deployments are own properties, a call that would be billed for nothing (chat with
// stream: true, v1 legacy completions) or that would hammer the service (per-call NaN) is refused before sending.
// And the operations table read by providers.target, for every operation and route form.
import { describe, test } from "vitest";
import { ConfigError, createClient, type AzureConfig, type OpenAIConfig } from "../src/mod.ts";
import { OPERATIONS, type OperationName } from "../src/operations.ts";
import { resolveProvider } from "../src/providers.ts";
import { chatCompletion, HI, ok, rejection } from "./fault-server.ts";
import { scripted, WAYS } from "./helpers/scripted.ts";
import { transports } from "./request-capture.ts";

const KEY = "azure-building-KEY-19ab2c";
const SECRETS = [KEY];

const azure = transports<AzureConfig>(
  {
    rootAt: (origin) => origin,
    client: (endpoint, config) => createClient({ provider: "azure", endpoint, apiVersion: "2024-10-21", apiKey: KEY, ...config } as AzureConfig),
  },
  "https://contoso.openai.azure.com",
);
const openai = transports<OpenAIConfig>(
  { rootAt: (origin) => origin + "/v1", client: (baseURL, config) => createClient({ provider: "openai", baseURL, apiKey: "sk-" + KEY, ...config } as OpenAIConfig) },
  "https://api.example.test",
);

describe.each(azure)("Azure endpoints, over $name", (transport) => {
  test("a query string on the endpoint (an API Management key) is kept on every request, merged with api-version", async ({ expect }) => {
    await transport.start();
    try {
      const endpoint = transport.root() + "/?subscription-key=sub-123&region=weu";
      await transport.client({ endpoint }).chat(HI);
      await transport.client({ endpoint, apiVersion: "v1" }).embed({ model: "ada", input: "A" });
      expect(transport.take().map((r) => r.url.slice(transport.root().length))).toEqual([
        "/openai/deployments/gpt-4o/chat/completions?subscription-key=sub-123&region=weu&api-version=2024-10-21",
        "/openai/v1/embeddings?subscription-key=sub-123&region=weu",
      ]);
    } finally {
      await transport.stop();
    }
  });

  test("an endpoint copied with /openai or /openai/v1 never yields /openai/openai/…", async ({ expect }) => {
    await transport.start();
    try {
      for (const suffix of ["/openai", "/openai/", "/openai/v1", "/openai/v1/", "/OpenAI"]) {
        const endpoint = transport.root() + suffix;
        await transport.client({ endpoint }).chat(HI);
        await transport.client({ endpoint, apiVersion: "v1" }).chat(HI);
      }
      const paths = transport.take().map((r) => r.url.slice(transport.root().length));
      expect(paths).toEqual(Array(5).fill(["/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", "/openai/v1/chat/completions"]).flat());
    } finally {
      await transport.stop();
    }
  });

  test("deployments are looked up as own properties: models named constructor, toString, __proto__ work", async ({ expect }) => {
    await transport.start();
    try {
      const client = transport.client({ deployments: { "gpt-4o": "prod-4o" } });
      for (const model of ["constructor", "toString", "__proto__", "hasOwnProperty", "gpt-4o"]) await client.chat({ ...HI, model });
      expect(transport.take().map((r) => r.url.slice(transport.root().length).split("?")[0])).toEqual([
        "/openai/deployments/constructor/chat/completions",
        "/openai/deployments/toString/chat/completions",
        "/openai/deployments/__proto__/chat/completions",
        "/openai/deployments/hasOwnProperty/chat/completions",
        "/openai/deployments/prod-4o/chat/completions",
      ]);
    } finally {
      await transport.stop();
    }
  });
});

describe.each(openai)("OpenAI base URLs, over $name", (transport) => {
  test("a query string on baseURL is kept after the API path (not swallowing it)", async ({ expect }) => {
    await transport.start();
    try {
      await transport.client({ baseURL: transport.root() + "?team=search" }).chat(HI);
      await transport.client({ baseURL: transport.root() + "/?team=search" }).embed({ model: "ada", input: "A" });
      expect(transport.take().map((r) => r.url)).toEqual([
        transport.root() + "/chat/completions?team=search",
        transport.root() + "/embeddings?team=search",
      ]);
    } finally {
      await transport.stop();
    }
  });
});

describe("URLs that are refused at createClient (ConfigError, nothing sent)", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["an endpoint with a #fragment", { provider: "azure", endpoint: "https://contoso.openai.azure.com/#x" }, /endpoint.*fragment/],
    ["an endpoint with an empty #", { provider: "azure", endpoint: "https://contoso.openai.azure.com#" }, /endpoint.*fragment/],
    ["an endpoint with user:password@", { provider: "azure", endpoint: "https://me:pw@contoso.openai.azure.com" }, /endpoint.*user/],
    ["a baseURL with user@", { provider: "openai", baseURL: "https://me@api.example.test/v1" }, /baseURL.*user/],
    ["a space in the endpoint's host", { provider: "azure", endpoint: "https://contoso .openai.azure.com" }, /endpoint.*spaces/],
    ["a space in the baseURL's path", { provider: "openai", baseURL: "https://api.example.test/my v1" }, /baseURL.*spaces/],
    ["an endpoint with an empty host and a port", { provider: "azure", endpoint: "https://:443" }, /endpoint/],
    ["a baseURL of only the scheme", { provider: "openai", baseURL: "http://" }, /baseURL/],
  ];
  test.each(cases)("%s", (_, config, message) => {
    let calls = 0;
    let error: unknown;
    try {
      createClient({ apiVersion: "2024-10-21", apiKey: KEY, fetch: async () => (calls++, new Response()), ...config } as never);
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ConfigError) || !message.test(error.message)) throw new Error(`expected ConfigError ${message}, got ${String(error)}`);
    if (calls) throw new Error("a request was sent");
  });
});

describe.each(WAYS)("calls refused before sending, over %s", (way) => {
  test.concurrent("chat({ stream: true }) and complete({ stream: true }): ConfigError naming chatStream / completeStream", async (t) => {
    const s = await scripted(way, t, [ok(), ok()]);
    const client = createClient({ provider: "azure", endpoint: s.url, apiVersion: "2024-10-21", apiKey: KEY, fetch: s.fetch });
    const chat = await rejection(client.chat({ ...HI, stream: true } as never), SECRETS);
    t.expect(chat).toBeInstanceOf(ConfigError);
    t.expect(chat.message).toMatch(/chatStream\(\)/);
    const complete = await rejection(client.complete({ model: "m", prompt: "x", stream: true } as never), SECRETS);
    t.expect(complete).toBeInstanceOf(ConfigError);
    t.expect(complete.message).toMatch(/completeStream\(\)/);
    t.expect(s.requests).toHaveLength(0);
    // stream: false is what chat() does anyway.
    t.expect((await client.chat({ ...HI, stream: false })).choices[0]?.message.content).toBe("fine");
  });

  test.concurrent("legacy completions on Azure v1: ConfigError naming the dated versions that have it", async (t) => {
    const s = await scripted(way, t, [{ body: { ...chatCompletion("x"), choices: [{ text: "x", index: 0, finish_reason: "stop" }] } }]);
    const client = createClient({ provider: "azure", endpoint: s.url, apiVersion: "v1", apiKey: KEY, fetch: s.fetch });
    const e = await rejection(client.complete({ model: "gpt-35-turbo-instruct", prompt: "x" }), SECRETS);
    t.expect(e).toBeInstanceOf(ConfigError);
    t.expect(e.message).toBe("completions is not on Azure's v1 API: use a dated apiVersion (2022-12-01 or later)");
    const stream = await rejection((async () => client.completeStream({ model: "m", prompt: "x" }))(), SECRETS);
    t.expect(stream).toBeInstanceOf(ConfigError);
    t.expect(s.requests).toHaveLength(0);
  });

  test.concurrent("per-call maxRetries and timeoutMs are checked like the config's (NaN, fractions, > 2³¹−1 ms)", async (t) => {
    const s = await scripted(way, t, () => ({ status: 503, headers: { "retry-after-ms": "0" }, body: { error: { message: "busy" } } }));
    const client = createClient({ provider: "openai", baseURL: s.url + "/v1", apiKey: KEY, fetch: s.fetch });
    const bad = [
      { maxRetries: Number("two") },
      { maxRetries: 1.5 },
      { maxRetries: -1 },
      { maxRetries: "3" },
      { timeoutMs: Number(undefined) },
      { timeoutMs: 0 },
      { timeoutMs: Infinity },
      { timeoutMs: 2 ** 31 },
    ];
    for (const options of bad) {
      const e = await rejection(client.chat(HI, options as never), SECRETS);
      t.expect(e, JSON.stringify(options)).toBeInstanceOf(ConfigError);
      t.expect(e.message).toMatch(Object.keys(options)[0]!);
    }
    for (const options of bad.slice(0, 2)) {
      const e = await rejection((async () => client.chatStream(HI, options as never).next())(), SECRETS);
      t.expect(e).toBeInstanceOf(ConfigError);
    }
    t.expect(s.requests).toHaveLength(0);
    t.expect(() => createClient({ provider: "openai", apiKey: KEY, timeoutMs: 2 ** 31 })).toThrow(/timeoutMs/);
    t.expect(() => createClient({ provider: "openai", apiKey: KEY, timeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe("the operations table, read by provider.target", () => {
  const openaiProvider = resolveProvider({ provider: "openai", apiKey: KEY, baseURL: "https://api.example.test/v1" });
  const dated = resolveProvider({
    provider: "azure",
    endpoint: "https://contoso.openai.azure.com",
    apiVersion: "2025-04-01-preview",
    apiKey: KEY,
    deployments: { "gpt-4.1": "prod-41" },
  });
  const v1 = resolveProvider({ provider: "azure", endpoint: "https://contoso.openai.azure.com", apiVersion: "v1", apiKey: KEY, deployments: { "gpt-4.1": "prod-41" } });
  const create = { model: "gpt-4.1", input: "Hi", deployment: undefined };
  const id = "resp_ab/c";

  // [operation, request, where, OpenAI, Azure dated, Azure v1] — URL after the root, and the body (null: none).
  type Row = [OperationName, object | undefined, { id?: string; query?: Record<string, string | number | boolean | undefined> }, string, string, string];
  const rows: Row[] = [
    ["responses.create", create, {}, "/v1/responses", "/openai/responses?api-version=2025-04-01-preview", "/openai/v1/responses"],
    ["responses.retrieve", undefined, { id }, "/v1/responses/resp_ab%2Fc", "/openai/responses/resp_ab%2Fc?api-version=2025-04-01-preview", "/openai/v1/responses/resp_ab%2Fc"],
    [
      "responses.resume",
      undefined,
      { id: "resp_1", query: { stream: true, starting_after: 41 } },
      "/v1/responses/resp_1?stream=true&starting_after=41",
      "/openai/responses/resp_1?api-version=2025-04-01-preview&stream=true&starting_after=41",
      "/openai/v1/responses/resp_1?stream=true&starting_after=41",
    ],
    ["responses.cancel", undefined, { id: "resp_1" }, "/v1/responses/resp_1/cancel", "/openai/responses/resp_1/cancel?api-version=2025-04-01-preview", "/openai/v1/responses/resp_1/cancel"],
    ["responses.delete", undefined, { id: "resp_1" }, "/v1/responses/resp_1", "/openai/responses/resp_1?api-version=2025-04-01-preview", "/openai/v1/responses/resp_1"],
    [
      "responses.inputItems",
      undefined,
      { id: "resp_1", query: { limit: 5, order: "asc", after: undefined } },
      "/v1/responses/resp_1/input_items?limit=5&order=asc",
      "/openai/responses/resp_1/input_items?api-version=2025-04-01-preview&limit=5&order=asc",
      "/openai/v1/responses/resp_1/input_items?limit=5&order=asc",
    ],
  ];

  test.each(rows)("%s: the URL and body of each route form", (operation, request, where, openaiPath, datedPath, v1Path) => {
    const targets = [openaiProvider, dated, v1].map((provider) => provider.target(operation, request, where));
    const origins = ["https://api.example.test", "https://contoso.openai.azure.com", "https://contoso.openai.azure.com"];
    const paths = targets.map((target, i) => target.url.slice(origins[i]!.length));
    if (JSON.stringify(paths) != JSON.stringify([openaiPath, datedPath, v1Path])) throw new Error("URLs: " + JSON.stringify(paths));
    const bodies = targets.map((target) => target.body);
    const expected = request ? [{ model: "gpt-4.1", input: "Hi" }, { model: "prod-41", input: "Hi" }, { model: "prod-41", input: "Hi" }] : [undefined, undefined, undefined];
    if (JSON.stringify(bodies) != JSON.stringify(expected)) throw new Error("bodies: " + JSON.stringify(bodies));
  });

  test("methods as the API has them", ({ expect }) => {
    const methods = Object.fromEntries(Object.entries(OPERATIONS).map(([name, op]) => [name, op.method]));
    expect(methods).toEqual({
      chat: "POST",
      completions: "POST",
      embeddings: "POST",
      "responses.create": "POST",
      "responses.retrieve": "GET",
      "responses.resume": "GET",
      "responses.cancel": "POST",
      "responses.delete": "DELETE",
      "responses.inputItems": "GET",
    });
  });

  test("a dated api-version older than 2025-03-01-preview is a ConfigError for every Responses call; 2025-03-01-preview works", ({ expect }) => {
    for (const apiVersion of ["2024-10-21", "2025-02-01-preview", "2025-01-01"]) {
      const old = resolveProvider({ provider: "azure", endpoint: "https://contoso.openai.azure.com", apiVersion, apiKey: KEY });
      for (const operation of Object.keys(OPERATIONS).filter((name) => name.startsWith("responses."))) {
        expect(() => old.target(operation as OperationName, { model: "m" }, { id: "r" })).toThrow(
          new ConfigError(`${operation} needs apiVersion 2025-03-01-preview or later, or "v1"`),
        );
      }
    }
    const first = resolveProvider({ provider: "azure", endpoint: "https://c.openai.azure.com", apiVersion: "2025-03-01-preview", apiKey: KEY });
    expect(first.target("responses.create", { model: "m" }).url).toBe("https://c.openai.azure.com/openai/responses?api-version=2025-03-01-preview");
  });

  test("an id is one encoded segment; empty, '.' and '..' are refused", ({ expect }) => {
    for (const provider of [openaiProvider, dated, v1]) {
      expect(provider.target("responses.retrieve", undefined, { id: "a/../b?c#d" }).url).toContain("/responses/a%2F..%2Fb%3Fc%23d");
      for (const bad of ["", ".", "..", undefined, 42]) {
        expect(() => provider.target("responses.retrieve", undefined, { id: bad as never })).toThrow(ConfigError);
      }
    }
  });

  test("extra_body is spread into the body, the typed fields winning; deployment never reaches it", ({ expect }) => {
    const request = { model: "gpt-4.1", deployment: "canary", input: "Hi", extra_body: { input: "lost", new_field: 1 } };
    expect(openaiProvider.target("responses.create", request).body).toEqual({ model: "gpt-4.1", input: "Hi", new_field: 1 });
    expect(v1.target("responses.create", request).body).toEqual({ model: "canary", input: "Hi", new_field: 1 });
    expect(dated.target("chat", { ...HI, extra_body: { data_sources: [] } })).toEqual({
      url: "https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2025-04-01-preview",
      body: { ...HI, data_sources: [] },
      deployment: "gpt-4o",
    });
  });
});
