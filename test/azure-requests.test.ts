// The Azure provider's requests: both URL forms (dated api-version and /openai/v1), deployment resolution,
// path-segment safety, and Azure rules on any host. The main table runs over real HTTP and an injected fetch.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConfigError, createClient, type AzureConfig, type Client } from "../src/mod.ts";
import { spyFetch, transports } from "./request-capture.ts";

const azure = transports<AzureConfig>(
  {
    rootAt: (origin) => origin,
    client: (endpoint, config) => createClient({ provider: "azure", endpoint, apiVersion: "2024-10-21", apiKey: "azure-key", ...config } as AzureConfig),
  },
  "https://contoso.openai.azure.com",
);

const messages = [{ role: "user" as const, content: "Hi" }];
const HEADERS = { "api-key": "azure-key", "content-type": "application/json", accept: "application/json" };

interface Case {
  name: string;
  config?: (endpoint: string) => Partial<AzureConfig>;
  call: (client: Client) => Promise<unknown>;
  /** The URL after the endpoint. */
  path: string;
  body: Record<string, unknown>;
}

const cases: Case[] = [
  {
    name: "dated chat: {endpoint}/openai/deployments/{model}/chat/completions?api-version=…",
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    body: { model: "gpt-4o", messages },
  },
  {
    name: "dated completions",
    call: (c) => c.complete({ model: "gpt-35-turbo-instruct", prompt: "Say hi", max_tokens: 3 }),
    path: "/openai/deployments/gpt-35-turbo-instruct/completions?api-version=2024-10-21",
    body: { model: "gpt-35-turbo-instruct", prompt: "Say hi", max_tokens: 3 },
  },
  {
    name: "dated embeddings",
    call: (c) => c.embed({ model: "text-embedding-ada-002", input: "A" }),
    path: "/openai/deployments/text-embedding-ada-002/embeddings?api-version=2024-10-21",
    body: { model: "text-embedding-ada-002", input: "A" },
  },
  {
    name: "a preview api-version goes into the query as given",
    config: () => ({ apiVersion: "2025-01-01-preview" }),
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview",
    body: { model: "gpt-4o", messages },
  },
  {
    name: "deployments[model] names the deployment",
    config: () => ({ deployments: { "gpt-4o": "prod-4o" } }),
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    path: "/openai/deployments/prod-4o/chat/completions?api-version=2024-10-21",
    body: { model: "gpt-4o", messages },
  },
  {
    name: "request.deployment wins over deployments[model] and stays out of the body",
    config: () => ({ deployments: { "gpt-4o": "prod-4o" } }),
    call: (c) => c.chat({ model: "gpt-4o", deployment: "canary-4o", messages }),
    path: "/openai/deployments/canary-4o/chat/completions?api-version=2024-10-21",
    body: { model: "gpt-4o", messages },
  },
  {
    name: "a model missing from deployments is its own deployment name",
    config: () => ({ deployments: { "gpt-4o": "prod-4o" } }),
    call: (c) => c.embed({ model: "text-embedding-3-small", input: ["A"] }),
    path: "/openai/deployments/text-embedding-3-small/embeddings?api-version=2024-10-21",
    body: { model: "text-embedding-3-small", input: ["A"] },
  },
  {
    name: "a deployment name like ../x stays one encoded path segment",
    call: (c) => c.chat({ model: "gpt-4o", deployment: "../x", messages }),
    path: "/openai/deployments/..%2Fx/chat/completions?api-version=2024-10-21",
    body: { model: "gpt-4o", messages },
  },
  {
    name: "slashes, spaces, ? and # in a deployment name are encoded",
    call: (c) => c.chat({ model: "gpt-4o", deployment: "a/b c?d#e", messages }),
    path: "/openai/deployments/a%2Fb%20c%3Fd%23e/chat/completions?api-version=2024-10-21",
    body: { model: "gpt-4o", messages },
  },
  {
    name: "trailing slashes on the endpoint are ignored",
    config: (e) => ({ endpoint: e + "//" }),
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    body: { model: "gpt-4o", messages },
  },
  {
    name: "v1 chat: {endpoint}/openai/v1/chat/completions, model = deployment name, no api-version",
    config: () => ({ apiVersion: "v1", deployments: { "gpt-4o": "prod-4o" } }),
    call: (c) => c.chat({ model: "gpt-4o", messages }),
    path: "/openai/v1/chat/completions",
    body: { model: "prod-4o", messages },
  },
  {
    name: "v1 embeddings with a per-call deployment",
    config: () => ({ apiVersion: "v1" }),
    call: (c) => c.embed({ model: "text-embedding-3-small", deployment: "emb-small", input: "A" }),
    path: "/openai/v1/embeddings",
    body: { model: "emb-small", input: "A" },
  },
  {
    name: "v1 with only a model: the model is the deployment",
    config: (e) => ({ apiVersion: "v1", endpoint: e + "/" }),
    call: (c) => c.chat({ model: "gpt-4o-mini", messages, temperature: 0 }),
    path: "/openai/v1/chat/completions",
    body: { model: "gpt-4o-mini", messages, temperature: 0 },
  },
];

describe.each(azure)("Azure requests over $name", (transport) => {
  beforeAll(() => transport.start());
  afterAll(() => transport.stop());

  test.each(cases)("$name", async (c) => {
    const client = transport.client(c.config?.(transport.root()) ?? {});
    expect(client.provider).toBe("azure");
    await c.call(client);
    const seen = transport.take();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe(transport.root() + c.path);
    expect(seen[0]!.headers).toEqual(HEADERS);
    // An embeddings wire format is the library's choice (float or base64, or the default); the rest of the body is the user's.
    const { encoding_format, ...body } = seen[0]!.body;
    expect(seen[0]!.url.includes("/embeddings") ? [undefined, "float", "base64"] : [undefined]).toContain(encoding_format);
    expect(body).toEqual(c.body);
    expect(body).not.toHaveProperty("deployment");
  });
});

describe("deployment names that are dot segments", () => {
  // "." and ".." would be resolved away by URL parsing even when encoded, leaving the deployment path.
  const bad: [string, Partial<AzureConfig>, Record<string, unknown>][] = [
    ["request.deployment '..'", {}, { model: "gpt-4o", deployment: ".." }],
    ["request.deployment '.'", {}, { model: "gpt-4o", deployment: "." }],
    ["deployments[model] '..'", { deployments: { "gpt-4o": ".." } }, { model: "gpt-4o" }],
    ["model '.' with no mapping", {}, { model: "." }],
    ["v1 with deployment '..'", { apiVersion: "v1" }, { model: "gpt-4o", deployment: ".." }],
  ];
  test.each(bad)("%s is a ConfigError and nothing is sent", async (_, config, request) => {
    const spy = spyFetch();
    const client = createClient({ provider: "azure", endpoint: "https://contoso.openai.azure.com", apiVersion: "2024-10-21", apiKey: "k", fetch: spy.fetch, ...config } as AzureConfig);
    for (const call of [
      () => client.chat({ ...request, messages } as never),
      () => client.complete({ ...request, prompt: "x" } as never),
      () => client.embed({ ...request, input: "A" } as never),
    ]) {
      const error = await (async () => call())().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
    }
    expect(spy.seen).toHaveLength(0);
  });
});

describe("Azure rules on any host: the provider is never guessed from the host name", () => {
  const hosts: [string, string, string][] = [
    ["a *.cognitiveservices.azure.com resource", "https://contoso.cognitiveservices.azure.com/", "https://contoso.cognitiveservices.azure.com"],
    ["an API Management gateway with a path prefix", "https://apim-contoso.azure-api.net/aoai/", "https://apim-contoso.azure-api.net/aoai"],
    ["a gateway on a custom domain", "https://llm-gateway.contoso.example", "https://llm-gateway.contoso.example"],
  ];
  test.each(hosts)("%s", async (_, endpoint, root) => {
    for (const apiVersion of ["2024-06-01", "v1"]) {
      const spy = spyFetch(root);
      const client = createClient({ provider: "azure", endpoint, apiVersion, apiKey: "gw-key", fetch: spy.fetch, deployments: { "gpt-4o": "prod-4o" } });
      await client.chat({ model: "gpt-4o", messages });
      await client.embed({ model: "gpt-4o", input: "A" });
      const dated = apiVersion != "v1";
      expect(spy.seen.map((s) => s.url)).toEqual(
        dated
          ? [`${root}/openai/deployments/prod-4o/chat/completions?api-version=2024-06-01`, `${root}/openai/deployments/prod-4o/embeddings?api-version=2024-06-01`]
          : [`${root}/openai/v1/chat/completions`, `${root}/openai/v1/embeddings`],
      );
      for (const s of spy.seen) {
        expect(s.headers["api-key"]).toBe("gw-key");
        expect(s.headers).not.toHaveProperty("authorization");
        expect(s.body.model).toBe(dated ? "gpt-4o" : "prod-4o");
      }
    }
  });
});
