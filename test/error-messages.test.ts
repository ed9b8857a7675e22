// Errors that say what to do: ConnectionError and TimeoutError name the method and URL (secret query values
// redacted) and the cause in a few words, TimeoutError the limit and the attempts; ApiError keeps the service's
// message first and adds a hint for the Azure errors every tracker asks about; a config with no credential names
// what to set.
import { describe, test } from "vitest";
import { ApiError, ConfigError, ConnectionError, createClient, TimeoutError, type FetchLike } from "../src/mod.ts";
import { HI, refusedPort, rejection } from "./fault-server.ts";
import { scripted, WAYS } from "./helpers/scripted.ts";

const KEY = "azure-messages-KEY-5c6d7e";
const GATEWAY_KEY = "gateway-subscription-0a9b8c7d";
const SECRETS = [KEY, GATEWAY_KEY];

const azure = (endpoint: string, config: Record<string, unknown> = {}) =>
  createClient({ provider: "azure", endpoint, apiVersion: "2024-10-21", apiKey: KEY, ...config });

describe("ConnectionError names the method, the URL and the cause", () => {
  test("a refused port, over real HTTP: the URL with its secret query value redacted, the cause's words, 3 attempts", async ({ expect }) => {
    const port = await refusedPort();
    const endpoint = `http://127.0.0.1:${port}/?subscription-key=${GATEWAY_KEY}`;
    const e = await rejection(azure(endpoint, { maxRetries: 2 }).chat(HI), SECRETS);
    expect(e).toBeInstanceOf(ConnectionError);
    const url = `http://127.0.0.1:${port}/openai/deployments/gpt-4o/chat/completions?subscription-key=[redacted]&api-version=2024-10-21`;
    expect(e.message.startsWith(`POST ${url} failed: `)).toBe(true);
    expect(e.message.endsWith(" (3 attempts)")).toBe(true);
    const words = e.message.slice(`POST ${url} failed: `.length, -" (3 attempts)".length);
    expect(words.length).toBeGreaterThan(3);
    expect(words.length).toBeLessThanOrEqual(120);
  });

  test("an injected fetch that fails: its innermost cause's message, in one line", async ({ expect }) => {
    const fetch: FetchLike = async () => {
      throw new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND contoso.openai.azure.com\n  at lookup") });
    };
    const e = await rejection(azure("https://contoso.openai.azure.com", { fetch, maxRetries: 0 }).embed({ model: "ada", input: "A" }), SECRETS);
    expect(e.message).toBe(
      "POST https://contoso.openai.azure.com/openai/deployments/ada/embeddings?api-version=2024-10-21 failed: " +
        "getaddrinfo ENOTFOUND contoso.openai.azure.com (1 attempt)",
    );
  });
});

describe.each(WAYS)("TimeoutError names the limit and the attempts, over %s", (way) => {
  test.concurrent("two attempts that hang past timeoutMs", async (t) => {
    const s = await scripted(way, t, [{ action: "hang" }, { action: "hang" }]);
    const client = azure(s.url, { fetch: s.fetch, timeoutMs: 300, maxRetries: 1 });
    const e = await rejection(client.chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(TimeoutError);
    t.expect(e).toMatchObject({ timeoutMs: 300, attempts: 2 });
    t.expect(e.message).toBe(
      `POST ${s.url}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21 timed out waiting for an answer: ` +
        "timeoutMs is 300 (2 attempts)",
    );
  });
});

describe.each(WAYS)("ApiError: the service's message first, then a hint, over %s", (way) => {
  test.concurrent("Azure 404 Resource not found: the endpoint, deployment and api-version tried", async (t) => {
    const s = await scripted(way, t, [{ status: 404, body: { error: { code: "404", message: "Resource not found" } } }]);
    const e = await rejection(azure(s.url + "/openai/", { fetch: s.fetch, deployments: { "gpt-4o": "prod" } }).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e.message).toBe(
      `Resource not found (POST found no route: check the endpoint ${s.url}, the deployment "prod" and apiVersion "2024-10-21")`,
    );
    t.expect(e.code).toBe("404");
  });

  test.concurrent("DeploymentNotFound: which deployment, where", async (t) => {
    const message = "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait.";
    const s = await scripted(way, t, [{ status: 404, body: { error: { code: "DeploymentNotFound", message } } }]);
    const e = await rejection(azure(s.url, { fetch: s.fetch }).chat({ ...HI, deployment: "gpt-4o-canary" }), SECRETS);
    t.expect(e.message).toBe(`${message} (no deployment "gpt-4o-canary" at ${s.url}: use the deployment's name, or map the model with deployments)`);
  });

  test.concurrent("'enabled only for api-version … and later': the version to set", async (t) => {
    const message = "Responses API is enabled only for api-version 2025-03-01-preview and later";
    const s = await scripted(way, t, [{ status: 400, body: { error: { code: "BadRequest", message } } }]);
    const e = await rejection(azure(s.url, { fetch: s.fetch }).chat(HI), SECRETS);
    t.expect(e.message).toBe(`${message} (set apiVersion to 2025-03-01-preview or later, or "v1")`);
    t.expect(e.body).toEqual({ error: { code: "BadRequest", message } });
  });

  test.concurrent("OpenAI's errors get no Azure hint", async (t) => {
    const s = await scripted(way, t, [{ status: 404, body: { error: { message: "Resource not found", type: "invalid_request_error" } } }]);
    const client = createClient({ provider: "openai", apiKey: "sk-" + KEY, baseURL: s.url + "/v1", fetch: s.fetch });
    t.expect((await rejection(client.chat(HI), SECRETS)).message).toBe("Resource not found");
  });

  test.concurrent("an answer without a message: the status, method and URL", async (t) => {
    const s = await scripted(way, t, [{ status: 418, headers: { "content-type": "text/plain" }, body: "" }]);
    const e = await rejection(azure(s.url, { fetch: s.fetch }).chat(HI), SECRETS);
    t.expect(e.message).toBe(`HTTP 418 from POST ${s.url}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21`);
  });
});

describe("a config with neither key nor token names what to set", () => {
  test.each([
    ["openai", { provider: "openai" }, /^give an apiKey or a tokenProvider function \(fromEnv reads the key from OPENAI_API_KEY\)$/],
    ["azure", { provider: "azure", endpoint: "https://x.openai.azure.com", apiVersion: "v1" }, /AZURE_OPENAI_API_KEY/],
  ])("%s", (_, config, message) => {
    let error: unknown;
    try {
      createClient(config as never);
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ConfigError) || !message.test(error.message) || /not both/.test(error.message)) {
      throw new Error("message: " + String(error));
    }
  });
});
