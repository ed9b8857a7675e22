// ApiError: what a non-2xx answer becomes, for OpenAI- and Azure-shaped error bodies and for a proxy's HTML page;
// and no error ever carries the key or a token, even when the server echoes it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ApiError, ConnectionError, createClient, OpenAISwitchError, type ClientConfig, type FetchLike } from "../src/mod.ts";
import { createEmulator } from "../src/testing.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

const messages = [{ role: "user" as const, content: "Hi" }];
const OPENAI = { provider: "openai", apiKey: "sk-test" } as const;
const AZURE = { provider: "azure", endpoint: "https://contoso.openai.azure.com", apiVersion: "2024-10-21", apiKey: "azure-key" } as const;

/** A fetch that always answers `status` with `body` (an object is sent as JSON) and `headers`. */
const answering =
  (status: number, body: unknown, headers: Record<string, string> = {}): FetchLike =>
  async () =>
    typeof body == "string"
      ? new Response(body, { status, headers: { "content-type": "text/html", ...headers } })
      : Response.json(body, { status, headers });

async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toBeInstanceOf(OpenAISwitchError);
  expect((error as Error).name).toBe("ApiError");
  return error as ApiError;
}

interface Case {
  name: string;
  config: ClientConfig;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  expected: Partial<Pick<ApiError, "message" | "code" | "type" | "param" | "requestId" | "provider" | "status">>;
}

const OPENAI_401 = { message: "Incorrect API key provided: sk-te***test.", type: "invalid_request_error", param: null, code: "invalid_api_key" };
const HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

const cases: Case[] = [
  {
    name: "OpenAI 401 invalid_api_key: message, code, type; a null param is undefined",
    config: OPENAI,
    status: 401,
    body: { error: OPENAI_401 },
    headers: { "x-request-id": "req_abc123" },
    expected: { status: 401, message: OPENAI_401.message, code: "invalid_api_key", type: "invalid_request_error", param: undefined, requestId: "req_abc123", provider: "openai" },
  },
  {
    name: "OpenAI 400 with a param and a null code",
    config: OPENAI,
    status: 400,
    body: { error: { message: "'messages' must contain at least one message.", type: "invalid_request_error", param: "messages", code: null } },
    expected: { status: 400, code: undefined, type: "invalid_request_error", param: "messages", requestId: undefined, provider: "openai" },
  },
  {
    name: 'Azure 429 with code "429" and only apim-request-id',
    config: { ...AZURE, maxRetries: 0 },
    status: 429,
    body: { error: { code: "429", message: "Requests to the ChatCompletions_Create Operation have exceeded the token rate limit." } },
    headers: { "apim-request-id": "5b7e0f33-0000-4000-8000-000000000001", "retry-after": "1" },
    expected: { status: 429, code: "429", type: undefined, param: undefined, requestId: "5b7e0f33-0000-4000-8000-000000000001", provider: "azure" },
  },
  {
    name: "Azure 429 with a numeric code: code is still a string",
    config: { ...AZURE, maxRetries: 0 },
    status: 429,
    body: { error: { code: 429, message: "Rate limit is exceeded. Try again in 1 seconds." } },
    expected: { status: 429, code: "429", message: "Rate limit is exceeded. Try again in 1 seconds.", provider: "azure" },
  },
  {
    name: "Azure 404 DeploymentNotFound; x-request-id wins over apim-request-id",
    config: AZURE,
    status: 404,
    body: { error: { code: "DeploymentNotFound", message: "The API deployment for this resource does not exist." } },
    headers: { "x-request-id": "x-req-1", "apim-request-id": "apim-req-1" },
    expected: {
      status: 404,
      code: "DeploymentNotFound",
      // The service's message first, then which deployment was asked for where.
      message:
        "The API deployment for this resource does not exist. " +
        '(no deployment "gpt-4o" at https://contoso.openai.azure.com: use the deployment\'s name, or map the model with deployments)',
      requestId: "x-req-1",
      provider: "azure",
    },
  },
  {
    name: "a proxy's HTML 502 is still an ApiError, its body the text",
    config: { ...AZURE, maxRetries: 0 },
    status: 502,
    body: HTML_502,
    headers: { "apim-request-id": "apim-502" },
    expected: { status: 502, code: undefined, type: undefined, param: undefined, requestId: "apim-502", provider: "azure" },
  },
  {
    name: "an HTML 403 from an OpenAI-compatible gateway",
    config: OPENAI,
    status: 403,
    body: "<html><body>Forbidden</body></html>",
    expected: { status: 403, code: undefined, provider: "openai" },
  },
];

describe("ApiError fields", () => {
  test.each(cases)("$name", async (c) => {
    const client = createClient({ ...c.config, fetch: answering(c.status, c.body, c.headers) });
    const error = await rejectionOf(client.chat({ model: "gpt-4o", messages }));
    expect(error).toMatchObject(c.expected);
    for (const key of Object.keys(c.expected)) expect(error).toHaveProperty(key, c.expected[key as keyof Case["expected"]]);
    expect(error.body).toEqual(c.body);
    expect(error.headers).toBeInstanceOf(Headers);
    for (const [name, value] of Object.entries(c.headers ?? {})) expect(error.headers.get(name)).toBe(value);
    // The message is the server's error.message, or says the status when there is none.
    const serverMessage = (c.body as { error?: { message?: string } })?.error?.message;
    if (serverMessage) expect(error.message.startsWith(serverMessage)).toBe(true);
    else expect(error.message).toContain(String(c.status));
  });

  test("a non-retryable error is not retried: one request", async () => {
    let calls = 0;
    const fetch: FetchLike = async (url, init) => (calls++, answering(400, { error: { message: "bad", type: "invalid_request_error", param: null, code: null } })(url, init));
    await rejectionOf(createClient({ ...OPENAI, fetch }).chat({ model: "gpt-4o", messages }));
    expect(calls).toBe(1);
  });
});

describe("ApiError from the emulator over real HTTP", () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulator({ deployments: { "gpt-4o": {} }, openaiKeys: ["sk-good"] });
  });
  afterAll(() => server.close());

  test("Azure DeploymentNotFound", async () => {
    const error = await rejectionOf(server.azure().chat({ model: "gpt-5-missing", messages }));
    expect(error).toMatchObject({ status: 404, code: "DeploymentNotFound", provider: "azure" });
    expect(error.requestId).toBe(error.headers.get("x-request-id"));
    expect(error.headers.get("apim-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const { message } = (error.body as { error: { message: string } }).error;
    expect(error.message).toBe(`${message} (no deployment "gpt-5-missing" at ${server.url}: use the deployment's name, or map the model with deployments)`);
    expect(error.body).toEqual({ error: { code: "DeploymentNotFound", message } });
  });

  test("OpenAI invalid_api_key", async () => {
    const error = await rejectionOf(server.openai({ apiKey: "sk-wrong-key-1234" }).chat({ model: "gpt-4o", messages }));
    expect(error).toMatchObject({ status: 401, code: "invalid_api_key", type: "invalid_request_error", param: undefined, provider: "openai" });
    expect(error.requestId).toMatch(/^req_/);
    expect(error.message).toMatch(/^Incorrect API key provided/);
  });
});

describe("no secret in any error", () => {
  const KEY = "sk-SECRET-key-0123456789abcdef";
  const TOKEN = "eyJ0eXAiOiJKV1Qi.SECRET-token.signature";

  /** Every way a user might print or log an error. */
  function expectNoSecret(error: unknown, secret: string) {
    expect(error).toBeInstanceOf(OpenAISwitchError);
    const e = error as Error & { body?: unknown };
    for (const text of [e.message, String(e), JSON.stringify(e), e.stack ?? "", JSON.stringify(e.body) ?? ""]) {
      expect(text).not.toContain(secret);
    }
  }

  /** A server that echoes whatever credential it got, everywhere it can. */
  const echoing =
    (shape: "json" | "html" | "redirect", status: number): FetchLike =>
    async (_url, init) => {
      const headers = new Headers(init.headers);
      const secret = headers.get("api-key") ?? headers.get("authorization")!.replace(/^Bearer /, "");
      if (shape == "redirect") return new Response(null, { status, headers: { location: `https://evil.example/?key=${secret}` } });
      if (shape == "html") return new Response(`<html><body>Bad credential ${secret}</body></html>`, { status });
      return Response.json({ error: { message: `Invalid credential ${secret}.`, type: secret, param: secret, code: secret, echo: { secret } } }, { status });
    };

  const credentials: [string, Partial<ClientConfig> & { provider: "openai" | "azure" }, string][] = [
    ["an OpenAI key", { ...OPENAI, apiKey: KEY }, KEY],
    ["an OpenAI token", { provider: "openai", tokenProvider: () => TOKEN }, TOKEN],
    ["an Azure api-key", { ...AZURE, apiKey: KEY }, KEY],
    ["an Azure Entra ID token", { ...AZURE, apiKey: undefined, tokenProvider: async () => TOKEN }, TOKEN],
  ];
  const answers: ["json" | "html" | "redirect", number][] = [
    ["json", 401],
    ["json", 500],
    ["html", 502],
    ["redirect", 302],
  ];

  describe.each(credentials)("%s", (_, config, secret) => {
    test.each(answers)("echoed in a %s %i answer", async (shape, status) => {
      const client = createClient({ ...config, maxRetries: 0, fetch: echoing(shape, status) } as ClientConfig);
      const error = await rejectionOf(client.chat({ model: "gpt-4o", messages }));
      expect(error.status).toBe(status);
      expectNoSecret(error, secret);
    });

    test("echoed in a network error", async () => {
      const fetch: FetchLike = async (_url, init) => {
        const headers = new Headers(init.headers);
        throw new TypeError(`connect failed for ${headers.get("api-key") ?? headers.get("authorization")}`);
      };
      const error = await createClient({ ...config, maxRetries: 0, fetch } as ClientConfig).chat({ model: "gpt-4o", messages }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expectNoSecret(error, secret);
    });
  });

  test("a token from an earlier, concurrent call is scrubbed too", async () => {
    // Two calls in flight; the token provider hands out a fresh token to the second. The first call's answer
    // echoes the first token, which must not survive in its error.
    const tokens = ["first-SECRET-token-aaaa", "second-SECRET-token-bbbb"];
    let n = 0;
    const waiting: (() => void)[] = [];
    const fetch: FetchLike = async (url, init) => {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length == 2) waiting.forEach((go) => go());
      });
      return echoing("json", 401)(url, init);
    };
    const client = createClient({ ...AZURE, apiKey: undefined, tokenProvider: () => tokens[n++]!, fetch });
    const errors = await Promise.all([
      client.chat({ model: "gpt-4o", messages }).catch((e: unknown) => e),
      client.chat({ model: "gpt-4o", messages }).catch((e: unknown) => e),
    ]);
    expect(n).toBe(2);
    for (const error of errors) for (const token of tokens) expectNoSecret(error, token);
  });

  test("the emulator's own OpenAI 401 only shows a masked key", async () => {
    const emulator = createEmulator({ openaiKeys: ["sk-good"] });
    const error = await rejectionOf(createClient({ provider: "openai", apiKey: KEY, fetch: emulator.fetch }).chat({ model: "gpt-4o", messages }));
    expectNoSecret(error, KEY);
    expect(error.code).toBe("invalid_api_key");
  });
});
