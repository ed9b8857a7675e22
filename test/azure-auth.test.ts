// Azure credentials: an api-key header or an Entra ID bearer token (never both), a token fetched before every
// attempt, and the emulator refusing calls without a valid credential.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ApiError, ConfigError, createClient, type AzureConfig, type FetchLike } from "../src/mod.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

const messages = [{ role: "user" as const, content: "Hi" }];
const AZURE_DENIED =
  "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ azureKeys: ["azure-key"], azureTokens: (token) => token.startsWith("entra-") });
});
afterAll(() => server.close());

/** Sends one chat through `config` and returns the auth headers the emulator received. */
async function authHeadersOf(config: Partial<AzureConfig>) {
  server.emulator.reset();
  await server.azure({ apiKey: undefined, ...config }).chat({ model: "gpt-4o", messages });
  expect(server.emulator.requests).toHaveLength(1);
  const { headers } = server.emulator.requests[0]!;
  return { "api-key": headers["api-key"], authorization: headers.authorization };
}

describe("which header carries the credential", () => {
  const cases: [string, Partial<AzureConfig>, { "api-key"?: string; authorization?: string }][] = [
    ["apiKey → api-key, no Authorization", { apiKey: "azure-key" }, { "api-key": "azure-key" }],
    ["apiKey on the v1 form → api-key, no Authorization", { apiKey: "azure-key", apiVersion: "v1" }, { "api-key": "azure-key" }],
    ["sync tokenProvider → Authorization: Bearer, no api-key", { tokenProvider: () => "entra-sync" }, { authorization: "Bearer entra-sync" }],
    ["async tokenProvider → Authorization: Bearer, no api-key", { tokenProvider: async () => "entra-async" }, { authorization: "Bearer entra-async" }],
    ["tokenProvider on the v1 form", { tokenProvider: () => Promise.resolve("entra-v1"), apiVersion: "v1" }, { authorization: "Bearer entra-v1" }],
  ];
  test.each(cases)("%s", async (_, config, expected) => {
    expect(await authHeadersOf(config)).toEqual({ "api-key": undefined, authorization: undefined, ...expected });
  });
});

describe("the token provider", () => {
  test("is not called by createClient, then once per call", async () => {
    let calls = 0;
    const client = server.azure({ apiKey: undefined, tokenProvider: () => `entra-${++calls}` });
    expect(calls).toBe(0);
    server.emulator.reset();
    await client.chat({ model: "gpt-4o", messages });
    await client.embed({ model: "text-embedding-ada-002", input: "A" });
    await client.complete({ model: "gpt-35-turbo-instruct", prompt: "x" });
    expect(calls).toBe(3);
    expect(server.emulator.requests.map((r) => r.headers.authorization)).toEqual(["Bearer entra-1", "Bearer entra-2", "Bearer entra-3"]);
  });

  test.each([
    ["sync", (next: () => string) => () => next()],
    ["async", (next: () => string) => async () => next()],
  ] as const)("(%s) is called before every attempt, and each retry carries the newest token", async (_, wrap) => {
    const tokens = ["entra-first", "entra-refreshed"];
    let calls = 0;
    const sent: (string | null)[] = [];
    const fetch: FetchLike = async (_url, init) => {
      const headers = new Headers(init.headers);
      sent.push(headers.get("authorization"));
      expect(headers.has("api-key")).toBe(false);
      if (sent.length == 1) {
        return Response.json({ error: { code: "InternalServerError", message: "Backend returned unexpected response." } }, { status: 500, headers: { "retry-after-ms": "0" } });
      }
      return Response.json({ id: "x", object: "chat.completion", created: 0, model: "gpt-4o", choices: [] });
    };
    const client = createClient({
      provider: "azure",
      endpoint: "https://contoso.openai.azure.com",
      apiVersion: "2024-10-21",
      tokenProvider: wrap(() => tokens[calls++]!),
      fetch,
      maxRetries: 1,
    });
    await client.chat({ model: "gpt-4o", messages });
    expect(calls).toBe(2);
    expect(sent).toEqual(["Bearer entra-first", "Bearer entra-refreshed"]);
  });

  test("a provider that throws rejects the call with its error and sends nothing", async () => {
    const failure = new Error("interaction_required");
    let requests = 0;
    const client = createClient({
      provider: "azure",
      endpoint: "https://contoso.openai.azure.com",
      apiVersion: "2024-10-21",
      tokenProvider: async () => {
        throw failure;
      },
      fetch: async () => {
        requests++;
        return Response.json({});
      },
    });
    await expect(client.chat({ model: "gpt-4o", messages })).rejects.toBe(failure);
    expect(requests).toBe(0);
  });

  test("a provider that returns an empty token is a ConfigError and nothing is sent", async () => {
    let requests = 0;
    const client = createClient({
      provider: "azure",
      endpoint: "https://contoso.openai.azure.com",
      apiVersion: "2024-10-21",
      tokenProvider: () => "",
      fetch: async () => {
        requests++;
        return Response.json({});
      },
    });
    await expect(client.chat({ model: "gpt-4o", messages })).rejects.toBeInstanceOf(ConfigError);
    expect(requests).toBe(0);
  });
});

describe("the emulator checks Azure credentials like the service", () => {
  const post = (headers: Record<string, string>) =>
    fetch(server.url + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ messages }),
    });

  test.each([
    ["no credential at all", {}],
    ["an unknown api-key", { "api-key": "wrong-key" }],
    ["a token it does not accept", { authorization: "Bearer not-entra" }],
  ])("%s: 401 with Azure's error body", async (_, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "401", message: AZURE_DENIED } });
  });

  test("a known api-key or token gets a 200", async () => {
    expect((await post({ "api-key": "azure-key" })).status).toBe(200);
    expect((await post({ authorization: "Bearer entra-ok" })).status).toBe(200);
  });

  test.each([
    ["a wrong api-key", { apiKey: "wrong-key" }],
    ["a refused token", { apiKey: undefined, tokenProvider: () => "not-entra" }],
  ] as const)("through the client, %s is an ApiError with status 401 and code \"401\"", async (_, config) => {
    const error = await server.azure(config).chat({ model: "gpt-4o", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "ApiError", status: 401, code: "401", provider: "azure", message: AZURE_DENIED });
    expect((error as ApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
