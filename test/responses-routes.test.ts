// What `client.responses` sends on each route form: OpenAI `{baseURL}/responses…`, Azure v1
// `{endpoint}/openai/v1/responses…` and dated Azure `{endpoint}/openai/responses…?api-version=…`, with the
// deployment as `model` in the body on both Azure forms. Every operation's exact method, URL, headers and body,
// through an injected fetch that answers like the service.
import { describe, expect, test } from "vitest";
import { ApiError, type Client, type ClientConfig, ConfigError, ConnectionError, createClient } from "../src/mod.ts";
import { MIXED_OUTPUT, snapshot, sseText, textEvents } from "./fixtures/responses-events.ts";
import { type FetchedRequest, recordingFetch } from "./helpers/recording-fetch.ts";

const ORIGIN = "https://contoso.example.test";
const KEYS = { openai: "sk-responses-routes", azure: "azure-responses-routes-key" };

/** One route form: how a client is configured for it and where its Responses calls go. */
interface Form {
  name: string;
  config: Partial<ClientConfig>;
  /** The URL of `…/responses` on this form, without query. */
  root: string;
  /** The form's own query (Azure dated: the api-version), before the call's. */
  version?: string;
  /** What `model: "gpt-4.1"` becomes in the body (Azure: the deployment from `deployments`). */
  model: string;
  auth: Record<string, string>;
}

const FORMS: Form[] = [
  {
    name: "OpenAI",
    config: { provider: "openai", apiKey: KEYS.openai, baseURL: ORIGIN + "/v1" },
    root: ORIGIN + "/v1/responses",
    model: "gpt-4.1",
    auth: { authorization: "Bearer " + KEYS.openai },
  },
  {
    name: "Azure v1",
    config: {
      provider: "azure",
      endpoint: ORIGIN,
      apiVersion: "v1",
      apiKey: KEYS.azure,
      deployments: { "gpt-4.1": "prod-gpt41" },
    },
    root: ORIGIN + "/openai/v1/responses",
    model: "prod-gpt41",
    auth: { "api-key": KEYS.azure },
  },
  {
    name: "Azure dated (2025-04-01-preview)",
    config: {
      provider: "azure",
      endpoint: ORIGIN,
      apiVersion: "2025-04-01-preview",
      apiKey: KEYS.azure,
      deployments: { "gpt-4.1": "prod-gpt41" },
    },
    root: ORIGIN + "/openai/responses",
    version: "api-version=2025-04-01-preview",
    model: "prod-gpt41",
    auth: { "api-key": KEYS.azure },
  },
];

/** The exact URL of `…/responses{sub}` on `form`, with the form's query first, then the call's. */
const url = (form: Form, sub: string, query?: string) => {
  const search = [form.version, query].filter(Boolean).join("&");
  return form.root + sub + (search ? "?" + search : "");
};

const COMPLETED = snapshot({ id: "resp_1", status: "completed", output: MIXED_OUTPUT });
const ITEMS = {
  object: "list",
  data: [{ type: "message", id: "msg_in", role: "user", content: [{ type: "input_text", text: "Hi" }] }],
  first_id: "msg_in",
  last_id: "msg_in",
  has_more: false,
};

/** Answers like the service: an event stream for streamed calls, the stored response or its items otherwise. */
const serviceAnswer = (request: FetchedRequest): Response => {
  const { pathname, searchParams } = new URL(request.url);
  if (request.headers.accept == "text/event-stream" || searchParams.get("stream") == "true") {
    return new Response(sseText(textEvents(["Hello", ", world!"])), {
      headers: { "content-type": "text/event-stream" },
    });
  }
  if (pathname.endsWith("/input_items")) return Response.json(ITEMS);
  if (request.method == "DELETE") return Response.json({ id: "resp_1", object: "response", deleted: true });
  return Response.json(COMPLETED);
};

const clientFor = (form: Form, config: Partial<ClientConfig> = {}) => {
  const spy = recordingFetch(serviceAnswer);
  const client = createClient({ ...form.config, fetch: spy.fetch, maxRetries: 0, ...config } as ClientConfig);
  return { client, requests: spy.requests };
};

/** Reads a stream to its end and returns the event types. */
const drain = async (events: AsyncIterable<{ type: string }>) => {
  const types: string[] = [];
  for await (const event of events) types.push(event.type);
  return types;
};

interface Operation {
  name: string;
  run: (client: Client) => Promise<unknown>;
  method: "GET" | "POST" | "DELETE";
  url: (form: Form) => string;
  /** The JSON body, or undefined for none. */
  body?: (form: Form) => Record<string, unknown>;
  accept: string;
}

const TOOLS = [{ type: "function" as const, name: "lookup", parameters: { type: "object", properties: {} } }];

const OPERATIONS: Operation[] = [
  {
    name: "create: POST …/responses with the request as JSON",
    run: (c) => c.responses.create({ model: "gpt-4.1", input: "Hi", instructions: "Be brief" }),
    method: "POST",
    url: (f) => url(f, ""),
    body: (f) => ({ model: f.model, input: "Hi", instructions: "Be brief" }),
    accept: "application/json",
  },
  {
    name: "stream: POST …/responses with stream: true, asking for an event stream",
    run: (c) => drain(c.responses.stream({ model: "gpt-4.1", input: "Hi", tools: TOOLS })),
    method: "POST",
    url: (f) => url(f, ""),
    body: (f) => ({ model: f.model, input: "Hi", tools: TOOLS, stream: true }),
    accept: "text/event-stream",
  },
  {
    name: "retrieve: GET …/responses/{id}",
    run: (c) => c.responses.retrieve("resp_1"),
    method: "GET",
    url: (f) => url(f, "/resp_1"),
    accept: "application/json",
  },
  {
    name: "retrieve with include: include[] in the query",
    run: (c) =>
      c.responses.retrieve("resp_1", { include: ["reasoning.encrypted_content", "message.output_text.logprobs"] }),
    method: "GET",
    url: (f) =>
      url(f, "/resp_1", "include%5B%5D=reasoning.encrypted_content&include%5B%5D=message.output_text.logprobs"),
    accept: "application/json",
  },
  {
    name: "resume: GET …/responses/{id}?stream=true&starting_after=N",
    run: (c) => drain(c.responses.resume("resp_1", { starting_after: 41 })),
    method: "GET",
    url: (f) => url(f, "/resp_1", "stream=true&starting_after=41"),
    accept: "text/event-stream",
  },
  {
    name: "resume from the start: GET …/responses/{id}?stream=true",
    run: (c) => drain(c.responses.resume("resp_1")),
    method: "GET",
    url: (f) => url(f, "/resp_1", "stream=true"),
    accept: "text/event-stream",
  },
  {
    name: "cancel: POST …/responses/{id}/cancel without a body",
    run: (c) => c.responses.cancel("resp_1"),
    method: "POST",
    url: (f) => url(f, "/resp_1/cancel"),
    accept: "application/json",
  },
  {
    name: "delete: DELETE …/responses/{id}",
    run: (c) => c.responses.delete("resp_1"),
    method: "DELETE",
    url: (f) => url(f, "/resp_1"),
    accept: "application/json",
  },
  {
    name: "inputItems: GET …/responses/{id}/input_items with after, limit and order",
    run: (c) => c.responses.inputItems("resp_1", { after: "msg_0", limit: 5, order: "asc" }),
    method: "GET",
    url: (f) => url(f, "/resp_1/input_items", "after=msg_0&limit=5&order=asc"),
    accept: "application/json",
  },
  {
    name: "inputItems without a query",
    run: (c) => c.responses.inputItems("resp_1"),
    method: "GET",
    url: (f) => url(f, "/resp_1/input_items"),
    accept: "application/json",
  },
];

describe.each(FORMS)("$name", (form) => {
  test.each(OPERATIONS)("$name", async (operation) => {
    const { client, requests } = clientFor(form);
    await operation.run(client);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe(operation.method);
    expect(request!.url).toBe(operation.url(form));
    expect(request!.headers).toMatchObject({ ...form.auth, accept: operation.accept });
    // The other provider's credential header is never sent.
    expect(Object.keys(request!.headers)).not.toContain(form.config.provider == "openai" ? "api-key" : "authorization");
    expect(request!.body === undefined ? undefined : JSON.parse(request!.body)).toEqual(operation.body?.(form));
  });

  test("create resolves to the response with output_text, retrieve and cancel too", async () => {
    const { client } = clientFor(form);
    for (
      const response of [
        await client.responses.create({ model: "gpt-4.1", input: "Hi" }),
        await client.responses.retrieve("resp_1"),
        await client.responses.cancel("resp_1"),
      ]
    ) {
      expect(response).toEqual({ ...COMPLETED, output_text: "Hello, world!" });
    }
  });

  test("inputItems resolves to the page as sent", async () => {
    const { client } = clientFor(form);
    expect(await client.responses.inputItems("resp_1", { limit: 1 })).toEqual(ITEMS);
  });

  test("an id is one path segment: / ? # % and spaces are encoded, never interpreted", async () => {
    const { client, requests } = clientFor(form);
    await client.responses.retrieve("resp/../x?y=1#z %");
    await client.responses.cancel("a/b");
    await client.responses.inputItems("a?b", { limit: 2 });
    expect(requests.map((r) => r.url)).toEqual([
      url(form, "/resp%2F..%2Fx%3Fy%3D1%23z%20%25"),
      url(form, "/a%2Fb/cancel"),
      url(form, "/a%3Fb/input_items", "limit=2"),
    ]);
  });

  test("an empty, dot or non-string id is a ConfigError before any request", async () => {
    const { client, requests } = clientFor(form);
    for (const id of ["", ".", "..", undefined, 42]) {
      await expect(client.responses.retrieve(id as string)).rejects.toBeInstanceOf(ConfigError);
      await expect(client.responses.delete(id as string)).rejects.toBeInstanceOf(ConfigError);
      expect(() => client.responses.resume(id as string)).toThrow(ConfigError);
    }
    expect(requests).toEqual([]);
  });

  test("a request without model (or deployment) is a ConfigError before any request", async () => {
    const { client, requests } = clientFor(form);
    await expect(client.responses.create({ input: "Hi" } as never)).rejects.toBeInstanceOf(ConfigError);
    expect(() => client.responses.stream({ input: "Hi" } as never)).toThrow(ConfigError);
    expect(requests).toEqual([]);
  });
});

describe("model and deployment in the body", () => {
  const [openai, azureV1, azureDated] = FORMS as [Form, Form, Form];

  test.each([azureV1, azureDated])("$name: an explicit deployment wins, and never reaches the body", async (form) => {
    const { client, requests } = clientFor(form);
    await client.responses.create({ model: "gpt-4.1", deployment: "canary-41", input: "Hi" });
    await drain(client.responses.stream({ model: "gpt-4.1", deployment: "canary-41", input: "Hi" }));
    expect(requests.map((r) => [r.url, JSON.parse(r.body!)])).toEqual([
      [url(form, ""), { model: "canary-41", input: "Hi" }],
      [url(form, ""), { model: "canary-41", input: "Hi", stream: true }],
    ]);
  });

  test.each([azureV1, azureDated])(
    "$name: a model without a deployments entry is sent as the deployment name",
    async (form) => {
      const { client, requests } = clientFor(form);
      await client.responses.create({ model: "o4-mini", input: "Hi" });
      expect(JSON.parse(requests[0]!.body!)).toEqual({ model: "o4-mini", input: "Hi" });
    },
  );

  test("Azure: the deployment goes in the body, not the path (no /deployments/ segment on either form)", async () => {
    for (const form of [azureV1, azureDated]) {
      const { client, requests } = clientFor(form);
      await client.responses.create({ model: "gpt-4.1", input: "Hi" });
      expect(requests[0]!.url).not.toContain("/deployments/");
    }
  });

  test("OpenAI: model is sent as given and deployment is dropped", async () => {
    const { client, requests } = clientFor(openai);
    await client.responses.create({ model: "gpt-4.1", deployment: "ignored-on-openai", input: "Hi" });
    expect(JSON.parse(requests[0]!.body!)).toEqual({ model: "gpt-4.1", input: "Hi" });
  });
});

describe("dated Azure versions before 2025-03-01-preview", () => {
  const azure = (apiVersion: string) => clientFor(FORMS[2]!, { apiVersion } as Partial<ClientConfig>);

  test.each(["2024-10-21", "2025-01-01-preview", "2025-02-01-preview"])(
    "%s: every call is a ConfigError naming the version needed and v1, zero requests",
    async (apiVersion) => {
      const { client, requests } = azure(apiVersion);
      const calls: (() => unknown)[] = [
        () => client.responses.create({ model: "gpt-4.1", input: "Hi" }),
        () => client.responses.retrieve("resp_1"),
        () => client.responses.cancel("resp_1"),
        () => client.responses.delete("resp_1"),
        () => client.responses.inputItems("resp_1"),
        () => client.responses.stream({ model: "gpt-4.1", input: "Hi" }),
        () => client.responses.resume("resp_1", { starting_after: 3 }),
      ];
      for (const call of calls) {
        const error = await (async () => call())().then(
          () => undefined,
          (e) => e,
        );
        expect(error).toBeInstanceOf(ConfigError);
        expect(error.message).toContain("2025-03-01-preview");
        expect(error.message).toContain('"v1"');
      }
      expect(requests).toEqual([]);
    },
  );

  test("stream and resume refuse at the call itself, not at the first next()", () => {
    const { client } = azure("2024-10-21");
    expect(() => client.responses.stream({ model: "gpt-4.1", input: "Hi" })).toThrow(ConfigError);
    expect(() => client.responses.resume("resp_1")).toThrow(ConfigError);
  });

  test.each(["2025-03-01-preview", "2025-04-01-preview", "2025-05-01"])("%s is new enough", async (apiVersion) => {
    const { client, requests } = azure(apiVersion);
    await client.responses.create({ model: "gpt-4.1", input: "Hi" });
    expect(requests.map((r) => r.url)).toEqual([`${ORIGIN}/openai/responses?api-version=${apiVersion}`]);
  });

  test("chat on the same old version still works: the limit is the Responses operations' own", async () => {
    const { client, requests } = azure("2024-10-21");
    await client.chat({ model: "gpt-4.1", messages: [{ role: "user", content: "Hi" }] }).catch(() => {});
    expect(requests.map((r) => r.url)).toEqual([
      `${ORIGIN}/openai/deployments/prod-gpt41/chat/completions?api-version=2024-10-21`,
    ]);
  });
});

describe("auth, retries, redirects and secrets, as for every other call", () => {
  const [openai, azureV1, azureDated] = FORMS as [Form, Form, Form];
  const scripted = (form: Form, answers: (() => Response)[], config: Partial<ClientConfig> = {}) => {
    const spy = recordingFetch((_, index) =>
      (answers[index] ?? (() => Response.json({ error: { message: "unscripted" } }, { status: 500 })))()
    );
    const client = createClient({ ...form.config, fetch: spy.fetch, maxRetries: 2, ...config } as ClientConfig);
    return { client, requests: spy.requests };
  };
  const busy = () =>
    Response.json({ error: { message: "busy", type: "server_error" } }, {
      status: 503,
      headers: { "retry-after-ms": "1" },
    });

  test.each(FORMS)("$name: a 503 on retrieve is retried with the same GET, then the answer is used", async (form) => {
    const { client, requests } = scripted(form, [busy, () => Response.json(COMPLETED)]);
    const r = await client.responses.retrieve("resp_1");
    expect(r.output_text).toBe("Hello, world!");
    expect(requests.map((q) => [q.method, q.url, q.body])).toEqual([
      ["GET", url(form, "/resp_1"), undefined],
      ["GET", url(form, "/resp_1"), undefined],
    ]);
  });

  test("a 404 (no such response) is an ApiError at once, never retried", async () => {
    const notFound = () =>
      Response.json({
        error: {
          message: "Response with id 'resp_9' not found.",
          type: "invalid_request_error",
          param: null,
          code: null,
        },
      }, { status: 404 });
    const { client, requests } = scripted(openai, [notFound]);
    await expect(client.responses.delete("resp_9")).rejects.toMatchObject({
      status: 404,
      message: "Response with id 'resp_9' not found.",
    });
    expect(requests).toHaveLength(1);
  });

  test("a 200 that is not a response object is a ConnectionError, and is not sent again (it was billed)", async () => {
    const { client, requests } = scripted(openai, [
      () => new Response("<html>gateway</html>", { headers: { "content-type": "text/html" } }),
    ]);
    await expect(client.responses.create({ model: "gpt-4.1", input: "Hi" })).rejects.toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(1);
  });

  test("a redirect is not followed: an ApiError, and the key goes nowhere else", async () => {
    const { client, requests } = scripted(azureDated, [
      () =>
        new Response(null, { status: 307, headers: { location: "https://elsewhere.example.test/openai/responses" } }),
    ]);
    const error = await client.responses.cancel("resp_1").catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/redirect not followed/);
    expect(requests.map((q) => q.url)).toEqual([url(azureDated, "/resp_1/cancel")]);
  });

  test("Azure v1 with a tokenProvider: each attempt of a GET sends a fresh token as a Bearer, no api-key", async () => {
    let calls = 0;
    const tokenProvider = () => {
      calls++;
      return `entra-token-${calls}`;
    };
    const { client, requests } = scripted(
      azureV1,
      [busy, () => Response.json(ITEMS)],
      { apiKey: undefined, tokenProvider } as Partial<ClientConfig>,
    );
    await client.responses.inputItems("resp_1");
    expect(requests.map((q) => [q.headers.authorization, q.headers["api-key"]])).toEqual([
      ["Bearer entra-token-1", undefined],
      ["Bearer entra-token-2", undefined],
    ]);
  });

  test("an error that echoes the key never shows it", async () => {
    const echo = () =>
      Response.json({ error: { message: `Incorrect API key provided: ${KEYS.openai}.`, code: "invalid_api_key" } }, {
        status: 401,
      });
    const { client } = scripted(openai, [echo]);
    const error = await client.responses.retrieve("resp_1").catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(JSON.stringify(error) + String(error) + error.message + JSON.stringify(error.body)).not.toContain(
      KEYS.openai,
    );
  });
});
