// The emulator as a user's offline test tool: the services' response shapes and headers, deterministic
// embeddings, Azure's old input limits, its error answers, CORS preflight, and in-process use.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ApiError, createClient } from "../src/mod.ts";
import { createEmulator, embeddingOf, PASSED_FILTERS, tooManyInputsMessage } from "../src/testing.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

const messages = [{ role: "user" as const, content: "Hello there" }];

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({
    deployments: {
      "gpt-4o": {},
      "gpt-35-turbo-instruct": {},
      "text-embedding-ada-002": {},
      "text-embedding-3-large": {},
      "ada-v1": { model: "text-embedding-ada-002", maxInputs: 1 },
      "ada-v2": { model: "text-embedding-ada-002", maxInputs: 16 },
      "ada-old-api": { model: "text-embedding-ada-002", ignoresEncodingFormat: true },
    },
  });
});
afterAll(() => server.close());

/** A raw POST to the emulator, the way any HTTP client of the user's would send it. */
async function post(path: string, body: unknown, headers: Record<string, string> = { "api-key": "k" }) {
  const response = await fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}
const azurePath = (deployment: string, op: string, version = "2024-10-21") => `/openai/deployments/${deployment}/${op}?api-version=${version}`;

describe("response shapes", () => {
  test("OpenAI chat: chat.completion, an assistant message, usage, x-request-id, no Azure extras", async () => {
    const { status, headers, body } = await post("/v1/chat/completions", { model: "gpt-4o", messages }, { authorization: "Bearer sk-test" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: "chat.completion", model: "gpt-4o", choices: [{ index: 0, message: { role: "assistant", content: "You said: Hello there" }, finish_reason: "stop" }] });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body).not.toHaveProperty("prompt_filter_results");
    expect(body.choices[0]).not.toHaveProperty("content_filter_results");
    expect(headers.get("x-request-id")).toMatch(/^req_/);
    expect(headers.get("apim-request-id")).toBeNull();
  });

  test("Azure chat: prompt_filter_results, content_filter_results, apim-request-id, x-ms-region, CORS origin", async () => {
    const { status, headers, body } = await post(azurePath("gpt-4o", "chat/completions"), { messages });
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: "chat.completion", model: "gpt-4o", choices: [{ message: { role: "assistant", content: "You said: Hello there" } }] });
    expect(body.prompt_filter_results).toEqual([{ prompt_index: 0, content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } } }]);
    expect(body.choices[0].content_filter_results).toEqual(PASSED_FILTERS);
    expect(PASSED_FILTERS).toMatchObject({ hate: { filtered: false, severity: "safe" }, self_harm: {}, sexual: {}, violence: {} });
    expect(headers.get("apim-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(headers.get("x-request-id")).toBeTruthy();
    expect(headers.get("x-ms-region")).toBeTruthy();
    expect(headers.get("access-control-allow-origin")).toBe("*");
  });

  test("Azure legacy completion: text_completion with filter results", async () => {
    const { body } = await post(azurePath("gpt-35-turbo-instruct", "completions"), { prompt: "Say hi", max_tokens: 2 });
    expect(body).toMatchObject({ object: "text_completion", choices: [{ text: "You said:", finish_reason: "length", content_filter_results: PASSED_FILTERS }] });
    expect(body.usage.completion_tokens).toBe(2);
    expect(body.prompt_filter_results).toHaveLength(1);
  });

  test("a deployment reports the model it was created with", async () => {
    const { body } = await post(azurePath("ada-v2", "embeddings"), { input: "A" });
    expect(body.model).toBe("text-embedding-ada-002");
  });
});

describe("deterministic embeddings", () => {
  test("each vector is embeddingOf(text, dimensions), whichever provider and wire format", async () => {
    const inputs = ["A", "B", "the same text twice", "A"];
    const clients = [server.openai(), server.azure(), server.azure({ apiVersion: "v1" })];
    for (const client of clients) {
      const { data, object } = await client.embed({ model: "text-embedding-ada-002", input: inputs });
      expect(object).toBe("list");
      expect(data.map((d) => d.index)).toEqual([0, 1, 2, 3]);
      data.forEach((d, i) => expect(d.embedding).toEqual(Array.from(embeddingOf(inputs[i]!, 1536))));
    }
    const floats = await post("/v1/embeddings", { model: "text-embedding-ada-002", input: "A", encoding_format: "float" }, { authorization: "Bearer sk-test" });
    expect(floats.body.data[0].embedding).toEqual(Array.from(embeddingOf("A", 1536)));
  });

  test("the same text gives the same vector, different texts differ; dimensions are honoured", async () => {
    expect(embeddingOf("A", 8)).toEqual(embeddingOf("A", 8));
    expect(embeddingOf("A", 8)).not.toEqual(embeddingOf("B", 8));
    const small = await post("/v1/embeddings", { model: "text-embedding-3-small", input: "A", dimensions: 8, encoding_format: "float" }, { authorization: "Bearer sk-test" });
    expect(small.body.data[0].embedding).toEqual(Array.from(embeddingOf("A", 8)));
    const large = await server.azure().embed({ model: "text-embedding-3-large", input: "A" });
    expect(large.data[0]!.embedding).toHaveLength(3072);
  });

  // Short vectors (under 1024 dimensions, e.g. text-embedding-3 with dimensions: 256) decode from small
  // base64 strings, which Node's Buffer.from places in a shared 8 KiB pool.
  test.each([8, 256, 512, 1023, 1024])("client.embed returns the exact vector with dimensions: %i", async (dimensions) => {
    const { data } = await server.openai().embed({ model: "text-embedding-3-small", input: ["A", "B"], dimensions });
    expect(data.map((d) => d.embedding)).toEqual([Array.from(embeddingOf("A", dimensions)), Array.from(embeddingOf("B", dimensions))]);
  });

  test("ignoresEncodingFormat: floats on the wire although base64 was asked; the client still gets the vectors", async () => {
    const raw = await post(azurePath("ada-old-api", "embeddings"), { input: ["A", "B"], encoding_format: "base64" });
    expect(Array.isArray(raw.body.data[0].embedding)).toBe(true);
    expect(typeof raw.body.data[0].embedding[0]).toBe("number");
    const normal = await post(azurePath("text-embedding-ada-002", "embeddings"), { input: ["A"], encoding_format: "base64" });
    expect(typeof normal.body.data[0].embedding).toBe("string");

    const { data } = await server.azure().embed({ model: "ada-old-api", input: ["A", "B"] });
    expect(data.map((d) => d.embedding)).toEqual([Array.from(embeddingOf("A", 1536)), Array.from(embeddingOf("B", 1536))]);
  });
});

describe.each([
  [1, "ada-v1"],
  [16, "ada-v2"],
])("an Azure deployment that takes at most %i embedding inputs (%s)", (max, deployment) => {
  const inputs = (n: number) => Array.from({ length: n }, (_, i) => `text ${i}`);

  test(`${max} inputs pass`, async () => {
    const { status, body } = await post(azurePath(deployment, "embeddings"), { input: inputs(max) });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(max);
  });

  test(`${max + 1} inputs: HTTP 400 with exactly the service's message`, async () => {
    const { status, body } = await post(azurePath(deployment, "embeddings"), { input: inputs(max + 1) });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: null, message: tooManyInputsMessage(max), param: null, type: "invalid_request_error" } });
    expect(tooManyInputsMessage(max)).toBe(
      `Too many inputs. The max number of inputs is ${max}.  We hope to increase the number of inputs per request soon. Please contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 for further questions.`,
    );
  });

  test("through client.embed it is an ApiError with that message", async () => {
    const error = await server.azure().embed({ model: deployment, input: inputs(max + 1) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: tooManyInputsMessage(max), provider: "azure" });
  });
});

describe("error answers", () => {
  test("an unknown deployment: 404 DeploymentNotFound (when deployments are listed)", async () => {
    const { status, body } = await post(azurePath("gpt-5-missing", "chat/completions"), { messages });
    expect(status).toBe(404);
    expect(body.error.code).toBe("DeploymentNotFound");
    expect(body.error.message).toMatch(/deployment for this resource does not exist/);
  });

  test("without a deployments list, any name is a deployment", async () => {
    const emulator = createEmulator();
    const response = await emulator.fetch("http://emulator.test" + azurePath("anything-at-all", "chat/completions"), {
      method: "POST",
      headers: { "api-key": "k", "content-type": "application/json" },
      body: JSON.stringify({ messages }),
    });
    expect(response.status).toBe(200);
  });

  test.each([
    ["missing", "/openai/deployments/gpt-4o/chat/completions"],
    ["not a date", azurePath("gpt-4o", "chat/completions", "latest")],
    ["malformed", azurePath("gpt-4o", "chat/completions", "2024-1-01")],
  ])("api-version %s: 404 Resource not found", async (_, path) => {
    const { status, body } = await post(path, { messages });
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "404", message: "Resource not found" } });
  });

  test("apiVersions limits the dated versions accepted", async () => {
    const emulator = createEmulator({ apiVersions: ["2024-10-21"] });
    const call = (version: string) =>
      createClient({ provider: "azure", endpoint: "http://emulator.test", apiVersion: version, apiKey: "k", fetch: emulator.fetch }).chat({ model: "gpt-4o", messages });
    await expect(call("2024-10-21")).resolves.toMatchObject({ object: "chat.completion" });
    await expect(call("2023-05-15")).rejects.toMatchObject({ status: 400, code: "BadRequest", message: "API version not supported" });
  });

  test("OpenAI without a key: 401 in OpenAI's shape", async () => {
    const { status, body } = await post("/v1/chat/completions", { model: "gpt-4o", messages }, {});
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ type: "invalid_request_error", param: null, code: null });
    expect(body.error.message).toMatch(/didn't provide an API key/);
  });

  test("an unknown path: 404", async () => {
    expect((await post("/v1/models/x", {}, { authorization: "Bearer sk-test" })).status).toBe(404);
    expect((await post("/openai/v1/completions", { model: "gpt-4o", prompt: "x" })).status).toBe(404);
  });
});

describe("CORS preflight, answered like Azure", () => {
  const preflight = (requestHeaders: string, emulatorUrl = server.url) =>
    fetch(emulatorUrl + azurePath("gpt-4o", "chat/completions"), {
      method: "OPTIONS",
      headers: { origin: "http://app.example", "access-control-request-method": "POST", "access-control-request-headers": requestHeaders },
    });

  test("OPTIONS: any origin, POST, and only the allowed headers among those asked", async () => {
    const response = await preflight("authorization, api-key, content-type, accept, x-stainless-os, openai-organization");
    expect(response.ok).toBe(true);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = response.headers.get("access-control-allow-headers")!.split(",").map((h) => h.trim()).sort();
    expect(allowed).toEqual(["accept", "api-key", "authorization", "content-type", "openai-organization"]);
    expect(server.emulator.requests.some((r) => r.method == "OPTIONS")).toBe(false);
  });

  test("corsAllowHeaders adds the user's own headers", async () => {
    const other = await startEmulator({ corsAllowHeaders: ["X-App"] });
    try {
      const response = await preflight("api-key, x-app, x-other", other.url);
      expect(response.headers.get("access-control-allow-headers")!.split(",").map((h) => h.trim()).sort()).toEqual(["api-key", "x-app"]);
    } finally {
      await other.close();
    }
  });
});

describe("emulator.fetch: in-process, no server", () => {
  test("a client on emulator.fetch works for both providers and every request is recorded", async () => {
    const emulator = createEmulator();
    const openai = createClient({ provider: "openai", apiKey: "sk-test", baseURL: "http://emulator.test/v1", fetch: emulator.fetch });
    const azure = createClient({ provider: "azure", endpoint: "http://emulator.test", apiVersion: "2024-10-21", apiKey: "k", fetch: emulator.fetch });
    expect((await openai.chat({ model: "gpt-4o", messages })).choices[0]?.message.content).toBe("You said: Hello there");
    expect((await azure.embed({ model: "ada", input: "A" })).data[0]?.embedding).toEqual(Array.from(embeddingOf("A", 1536)));
    expect(emulator.requests.map((r) => [r.method, r.url])).toEqual([
      ["POST", "http://emulator.test/v1/chat/completions"],
      ["POST", "http://emulator.test/openai/deployments/ada/embeddings?api-version=2024-10-21"],
    ]);
    expect(emulator.requests[1]!.headers["api-key"]).toBe("k");
    expect(emulator.requests[1]!.body).toMatchObject({ model: "ada", input: "A" });
    emulator.reset();
    expect(emulator.requests).toHaveLength(0);
  });

  test("record: false keeps no log", async () => {
    const emulator = createEmulator({ record: false });
    await createClient({ provider: "openai", apiKey: "sk-test", fetch: emulator.fetch }).chat({ model: "gpt-4o", messages });
    expect(emulator.requests).toHaveLength(0);
  });

  test("replyTokens fixes the reply length; max_tokens cuts it with finish_reason length", async () => {
    const emulator = createEmulator({ replyTokens: 5 });
    const client = createClient({ provider: "openai", apiKey: "sk-test", fetch: emulator.fetch });
    const full = await client.chat({ model: "gpt-4o", messages });
    expect(full.usage?.completion_tokens).toBe(5);
    expect(full.choices[0]?.finish_reason).toBe("stop");
    const cut = await client.chat({ model: "gpt-4o", messages, max_tokens: 3 });
    expect(cut.usage?.completion_tokens).toBe(3);
    expect(cut.choices[0]?.finish_reason).toBe("length");
  });
});
