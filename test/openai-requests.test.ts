// The OpenAI provider's requests, exactly as a server receives them: URL, method, every header, body.
// One table of cases runs over two transports: real HTTP to the emulator, and an injected `fetch` spy.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createClient, type Client, type OpenAIConfig } from "../src/mod.ts";
import { spyFetch, transports } from "./request-capture.ts";

const openai = transports<OpenAIConfig>(
  { rootAt: (origin) => origin + "/v1", client: (baseURL, config) => createClient({ provider: "openai", baseURL, ...config } as OpenAIConfig) },
  "https://api.example.test",
);

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

describe.each(openai)("OpenAI requests over $name", (transport) => {
  beforeAll(() => transport.start());
  afterAll(() => transport.stop());

  test.each(cases)("$name", async (c) => {
    const client = transport.client(c.config(transport.root()));
    expect(client.provider).toBe("openai");
    await c.call(client);
    const seen = transport.take();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe(c.url(transport.root()));
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
