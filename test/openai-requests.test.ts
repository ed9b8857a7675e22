// The OpenAI provider's requests, exactly as a server receives them: URL, method, every header, body.
// One table of cases runs over two transports: real HTTP to the emulator, and an injected `fetch` spy.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createClient, type Client, type FetchLike, type OpenAIConfig } from "../src/mod.ts";
import { createEmulator } from "../src/testing.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

/** Headers the HTTP stack adds by itself; everything else the server gets must come from the library or the user. */
const STACK_HEADERS = new Set(["host", "connection", "content-length", "user-agent", "accept-encoding", "accept-language", "sec-fetch-mode"]);

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const withoutStackHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !STACK_HEADERS.has(name.toLowerCase())));

/** A fetch that records what it is given, then answers like the service (through an in-process emulator). */
function spyFetch() {
  const emulator = createEmulator();
  const seen: Seen[] = [];
  const fetch: FetchLike = (url, init) => {
    seen.push({
      method: String(init.method),
      url,
      headers: Object.fromEntries(new Headers(init.headers)),
      body: JSON.parse(String(init.body)),
    });
    return emulator.fetch(url, init);
  };
  return { fetch, seen };
}

interface Transport {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The baseURL that reaches this transport's server. */
  base(): string;
  client(config: Partial<OpenAIConfig>): Client;
  /** What the server received since the last call, with the HTTP stack's own headers removed. */
  take(): Seen[];
}

function overHttp(): Transport {
  let server: EmulatorServer;
  return {
    name: "real HTTP (emulator)",
    async start() {
      server = await startEmulator();
    },
    stop: () => server.close(),
    base: () => server.url + "/v1",
    client: (config) => createClient({ provider: "openai", baseURL: server.url + "/v1", ...config } as OpenAIConfig),
    take() {
      const seen = server.emulator.requests.map((r) => ({ ...r, headers: withoutStackHeaders(r.headers) }) as Seen);
      server.emulator.reset();
      return seen;
    },
  };
}

function overInjectedFetch(): Transport {
  const spy = spyFetch();
  const base = "https://api.example.test/v1";
  return {
    name: "injected fetch",
    start: async () => {},
    stop: async () => {},
    base: () => base,
    client: (config) => createClient({ provider: "openai", baseURL: base, fetch: spy.fetch, ...config } as OpenAIConfig),
    take: () => spy.seen.splice(0),
  };
}

const messages = [{ role: "user" as const, content: "Hi" }];
const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

interface Case {
  name: string;
  config: (base: string) => Partial<OpenAIConfig>;
  call: (client: Client) => Promise<unknown>;
  url: (base: string) => string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const cases: Case[] = [
  {
    name: "chat: POST {baseURL}/chat/completions, Bearer key, model in the body, no org/project headers",
    config: () => ({ apiKey: "sk-test" }),
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    url: (b) => b + "/chat/completions",
    headers: { authorization: "Bearer sk-test", ...JSON_HEADERS },
    body: { model: "gpt-4o", messages },
  },
  {
    name: "complete: POST {baseURL}/completions with the API's own fields",
    config: () => ({ apiKey: "sk-test" }),
    call: (c) => c.complete({ model: "gpt-35-turbo-instruct", prompt: "Say hi", max_tokens: 5, temperature: 0 }),
    url: (b) => b + "/completions",
    headers: { authorization: "Bearer sk-test", ...JSON_HEADERS },
    body: { model: "gpt-35-turbo-instruct", prompt: "Say hi", max_tokens: 5, temperature: 0 },
  },
  {
    name: "embed: POST {baseURL}/embeddings",
    config: () => ({ apiKey: "sk-test" }),
    call: (c) => c.embed({ model: "text-embedding-ada-002", input: ["A", "B"] }),
    url: (b) => b + "/embeddings",
    headers: { authorization: "Bearer sk-test", ...JSON_HEADERS },
    body: { model: "text-embedding-ada-002", input: ["A", "B"] },
  },
  {
    name: "organization and project become OpenAI-Organization and OpenAI-Project",
    config: () => ({ apiKey: "sk-test", organization: "org-123", project: "proj_456" }),
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    url: (b) => b + "/chat/completions",
    headers: { authorization: "Bearer sk-test", "openai-organization": "org-123", "openai-project": "proj_456", ...JSON_HEADERS },
    body: { model: "gpt-4o", messages },
  },
  {
    name: "the user's headers from the config and from the call are sent, the call's winning",
    config: () => ({ apiKey: "sk-test", headers: { "x-app": "config", "x-team": "search" } }),
    call: (c) => c.chat({ model: "gpt-4o", messages }, { headers: { "x-app": "call", "x-trace": "t-1" } }),
    url: (b) => b + "/chat/completions",
    headers: { authorization: "Bearer sk-test", "x-app": "call", "x-team": "search", "x-trace": "t-1", ...JSON_HEADERS },
    body: { model: "gpt-4o", messages },
  },
  {
    name: "trailing slashes on baseURL are ignored",
    config: (b) => ({ apiKey: "sk-test", baseURL: b + "///" }),
    call: (c) => c.embed({ model: "text-embedding-3-small", input: "A" }),
    url: (b) => b + "/embeddings",
    headers: { authorization: "Bearer sk-test", ...JSON_HEADERS },
    body: { model: "text-embedding-3-small", input: "A" },
  },
  {
    name: "a sync tokenProvider's token is the Bearer credential",
    config: () => ({ tokenProvider: () => "sk-from-sync-provider" }),
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    url: (b) => b + "/chat/completions",
    headers: { authorization: "Bearer sk-from-sync-provider", ...JSON_HEADERS },
    body: { model: "gpt-4o", messages },
  },
  {
    name: "an async tokenProvider's token is the Bearer credential",
    config: () => ({ tokenProvider: async () => "sk-from-async-provider", organization: "org-1" }),
    call: (c) => c.complete({ model: "gpt-35-turbo-instruct", prompt: "x" }),
    url: (b) => b + "/completions",
    headers: { authorization: "Bearer sk-from-async-provider", "openai-organization": "org-1", ...JSON_HEADERS },
    body: { model: "gpt-35-turbo-instruct", prompt: "x" },
  },
  {
    name: "an Azure-style per-call deployment never reaches an OpenAI body; model is kept",
    config: () => ({ apiKey: "sk-test" }),
    call: (c) => c.chat({ model: "gpt-4o-mini", deployment: "prod-4o", messages, user: "u-1" }),
    url: (b) => b + "/chat/completions",
    headers: { authorization: "Bearer sk-test", ...JSON_HEADERS },
    body: { model: "gpt-4o-mini", messages, user: "u-1" },
  },
];

describe.each([overHttp(), overInjectedFetch()])("OpenAI requests over $name", (transport) => {
  beforeAll(() => transport.start());
  afterAll(() => transport.stop());

  test.each(cases)("$name", async (c) => {
    const client = transport.client(c.config(transport.base()));
    expect(client.provider).toBe("openai");
    await c.call(client);
    const seen = transport.take();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe(c.url(transport.base()));
    expect(seen[0]!.headers).toEqual(c.headers);
    // An embeddings wire format is the library's choice (float or base64, or the default); the rest of the body is the user's.
    const { encoding_format, ...body } = seen[0]!.body;
    expect(seen[0]!.url.includes("/embeddings") ? [undefined, "float", "base64"] : [undefined]).toContain(encoding_format);
    expect(body).toEqual(c.body);
    expect(body).not.toHaveProperty("deployment");
  });
});

describe("OpenAI defaults", () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  test("baseURL defaults to https://api.openai.com/v1", async () => {
    const spy = spyFetch();
    const client = createClient({ provider: "openai", apiKey: "sk-test", fetch: spy.fetch });
    await client.chat({ model: "gpt-4o", messages });
    await client.complete({ model: "gpt-35-turbo-instruct", prompt: "x" });
    await client.embed({ model: "text-embedding-ada-002", input: "A" });
    expect(spy.seen.map((s) => s.url)).toEqual([
      "https://api.openai.com/v1/chat/completions",
      "https://api.openai.com/v1/completions",
      "https://api.openai.com/v1/embeddings",
    ]);
  });

  test("without a fetch in the config, globalThis.fetch is looked up at call time", async () => {
    const client = createClient({ provider: "openai", apiKey: "sk-test" });
    const spy = spyFetch();
    globalThis.fetch = ((url: string, init: RequestInit) => spy.fetch(url, init)) as typeof fetch;
    const reply = await client.chat({ model: "gpt-4o", messages });
    expect(reply.choices[0]?.message.content).toBe("You said: Hi");
    expect(spy.seen.map((s) => s.url)).toEqual(["https://api.openai.com/v1/chat/completions"]);
  });
});
