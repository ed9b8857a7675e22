// `failNext(fault, times)`: the next matching calls fail the way the services fail — each status with its real
// body and headers per provider, a cut stream, a stall, Azure's content filter on the prompt and on the output —
// and `emulator.fetch` honours the abort signal as real fetch does.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ApiError, ConnectionError, createClient, TimeoutError } from "../src/mod.ts";
import { contentFilterError, createEmulator, PASSED_FILTERS } from "../src/testing.ts";
import { callJson, callSse, FORMS, urlOf } from "./helpers/emulator-http.ts";
import { type EmulatorServer, startEmulator } from "./helpers.ts";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ deployments: { "gpt-4o": {}, ada: {} } });
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

const messages = [{ role: "user", content: "Hi" }];
const openaiChat = (body: Record<string, unknown> = {}) =>
  callJson(`${server.url}/v1/chat/completions`, {
    body: { model: "gpt-4o", messages, ...body },
    headers: { authorization: "Bearer sk-test" },
  });
const azurePath = (deployment: string, op: string) =>
  `${server.url}/openai/deployments/${deployment}/${op}?api-version=2024-10-21`;
const azureChat = (body: Record<string, unknown> = {}) =>
  callJson(azurePath("gpt-4o", "chat/completions"), { body: { messages, ...body }, headers: { "api-key": "k" } });
const azureEmbed = () =>
  callJson(azurePath("ada", "embeddings"), { body: { input: "A" }, headers: { "api-key": "k" } });

describe("status faults: the services' own bodies and headers", () => {
  test.each([
    [401, {
      error: {
        message: expect.stringMatching(/^Incorrect API key provided/),
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    }, { error: { code: "401", message: expect.stringMatching(/^Access denied due to invalid subscription key/) } }],
    [404, {
      error: {
        message: "The model `gpt-4o` does not exist or you do not have access to it.",
        type: "invalid_request_error",
        param: null,
        code: "model_not_found",
      },
    }, {
      error: {
        code: "DeploymentNotFound",
        message: expect.stringMatching(/deployment for this resource does not exist/),
      },
    }],
    [500, {
      error: {
        message: "The server had an error while processing your request. Sorry about that!",
        type: "server_error",
        param: null,
        code: null,
      },
    }, { error: { code: "InternalServerError", message: expect.any(String) } }],
    [503, {
      error: { message: "The server is overloaded or not ready yet.", type: "server_error", param: null, code: null },
    }, { error: { code: "ServiceUnavailable", message: expect.any(String) } }],
  ])("%i", async (status, openaiBody, azureBody) => {
    server.emulator.failNext({ status });
    server.emulator.failNext({ status });
    expect(await openaiChat()).toMatchObject({ status, body: openaiBody });
    expect(await azureChat()).toMatchObject({ status, body: azureBody });
    expect(await openaiChat()).toMatchObject({ status: 200 });
  });

  test("429: Azure's retry-after-ms and retry-after; OpenAI's x-ratelimit-* (a 20 ms wait either way)", async () => {
    server.emulator.failNext({ status: 429 }, 2);
    const openai = await openaiChat();
    expect(openai.status).toBe(429);
    expect(openai.body.error).toMatchObject({ type: "requests", code: "rate_limit_exceeded" });
    expect(openai.body.error.message).toMatch(/^Rate limit reached for gpt-4o .* Please try again in 20ms\./);
    expect(openai.headers.get("x-ratelimit-reset-requests")).toBe("20ms");
    expect(openai.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(openai.headers.get("x-ratelimit-limit-requests")).toBeTruthy();
    expect(openai.headers.get("retry-after-ms")).toBeNull();
    const azure = await azureChat();
    expect(azure.body.error.code).toBe("429");
    expect(azure.body.error.message).toMatch(
      /^Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit/,
    );
    expect([azure.headers.get("retry-after-ms"), azure.headers.get("retry-after")]).toEqual(["20", "1"]);
    expect(azure.headers.get("apim-request-id")).toBeTruthy();
  });

  test("given headers and body win; a string body is sent as it is", async () => {
    server.emulator.failNext({
      status: 429,
      headers: { "retry-after-ms": "7" },
      body: { error: { code: "429", message: "custom" } },
    });
    server.emulator.failNext({
      status: 502,
      body: "<html>Bad gateway</html>",
      headers: { "content-type": "text/html" },
    });
    const custom = await azureChat();
    expect(custom).toMatchObject({ status: 429, body: { error: { code: "429", message: "custom" } } });
    expect(custom.headers.get("retry-after-ms")).toBe("7");
    const html = await fetch(azurePath("gpt-4o", "chat/completions"), {
      method: "POST",
      headers: { "api-key": "k" },
      body: JSON.stringify({ messages }),
    });
    expect([html.status, html.headers.get("content-type"), await html.text()]).toEqual([
      502,
      "text/html",
      "<html>Bad gateway</html>",
    ]);
  });

  test("the client retries a queued 429 twice and succeeds on the third request", async () => {
    server.emulator.failNext({ status: 429, headers: { "retry-after-ms": "20" } }, 2);
    const reply = await server.azure().chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
    expect(reply.choices[0]?.message.content).toBe("You said: Hi");
    expect(server.emulator.requests).toHaveLength(3);
  });

  test("a 401 fault is thrown as the client's ApiError with the service's code", async () => {
    server.emulator.failNext({ status: 401 });
    const error = await server.openai().chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }).catch((
      e: unknown,
    ) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "invalid_api_key", provider: "openai" });
  });
});

describe("counts and filters", () => {
  test("times: exactly that many calls fail, then calls pass; faults are used in the order queued", async () => {
    server.emulator.failNext({ status: 500 }, 2);
    server.emulator.failNext({ status: 503 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await openaiChat()).status);
    expect(statuses).toEqual([500, 500, 503, 200, 200]);
    expect(server.emulator.requests).toHaveLength(5);
  });

  test("route, deployment and provider filters: other calls pass the fault by", async () => {
    server.emulator.failNext({ status: 500, route: "embeddings" });
    server.emulator.failNext({ status: 503, deployment: "gpt-4o", provider: "azure" });
    expect((await openaiChat()).status).toBe(200);
    expect((await azureChat()).status).toBe(503);
    expect((await azureChat()).status).toBe(200);
    expect((await azureEmbed()).status).toBe(500);
    expect((await azureEmbed()).status).toBe(200);
  });

  test("reset() drops queued faults; a fault without exactly one kind, or times < 1, is a TypeError", () => {
    server.emulator.failNext({ status: 500 }, 3);
    server.emulator.reset();
    expect(() => server.emulator.failNext({ route: "embeddings" } as never)).toThrow(TypeError);
    expect(() => server.emulator.failNext({ status: 500, stallMs: 5 } as never)).toThrow(TypeError);
    expect(() => server.emulator.failNext({ status: 500 }, 0)).toThrow(TypeError);
  });
});

describe("cut and stalled bodies", () => {
  test("cutAfter: the chat stream closes after 3 events, without [DONE]; the client's stream fails with ConnectionError", async () => {
    server.emulator.failNext({ cutAfter: 3 });
    const { events } = await callSse(`${server.url}/v1/chat/completions`, {
      body: { model: "gpt-4o", messages, stream: true },
      headers: { authorization: "Bearer sk-test" },
    });
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.data)).not.toContain("[DONE]");
    server.emulator.failNext({ cutAfter: 2 });
    const seen: string[] = [];
    const error = await (async () => {
      for await (
        const chunk of server.openai({ maxRetries: 0 }).chatStream({
          model: "gpt-4o",
          messages: [{ role: "user", content: "Hi" }],
        })
      ) seen.push(chunk.choices[0]?.delta?.content ?? "");
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(seen).toEqual(["", "You"]);
  });

  test("cutAfter on a Responses stream: no terminal event", async () => {
    server.emulator.failNext({ cutAfter: 4, route: "responses" });
    const { events } = await callSse(urlOf(server.url, FORMS[0]!, "responses"), {
      body: { model: "gpt-4o", input: "Hi there", stream: true },
      headers: FORMS[0]!.headers,
    });
    expect(events.map((e) => e.event)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
    ]);
  });

  test("cutAfter on a JSON reply: the body ends after that many bytes", async () => {
    server.emulator.failNext({ cutAfter: 10 });
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test" },
      body: JSON.stringify({ model: "gpt-4o", messages }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"id":"cha');
  });

  test("stallMs: the head comes at once, the body not before the stall; a client timeout ends the call", async () => {
    server.emulator.failNext({ stallMs: 10_000 });
    const error = await server.openai({ timeoutMs: 300, maxRetries: 0 }).chat({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Hi" }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    server.emulator.failNext({ stallMs: 50 });
    const slow = await openaiChat();
    expect(slow).toMatchObject({ status: 200, body: { object: "chat.completion" } });
  });
});

describe("content filter", () => {
  test("on the prompt: contentFilterError('prompt') is Azure's 400 body; the contentFilter fault sends it", async () => {
    expect(contentFilterError("prompt")).toMatchObject({
      error: {
        type: null,
        param: "prompt",
        code: "content_filter",
        status: 400,
        innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: { self_harm: { filtered: true } } },
      },
    });
    server.emulator.failNext({ contentFilter: "prompt" });
    expect(await azureChat()).toMatchObject({ status: 400, body: contentFilterError("prompt") });
    server.emulator.failNext({ status: 400, body: contentFilterError("prompt") });
    const error = await server.azure().chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }).catch((
      e: unknown,
    ) => e);
    expect(error).toMatchObject({ status: 400, code: "content_filter", param: "prompt" });
  });

  test("on the output: HTTP 200, finish_reason content_filter, the filter's verdict; Responses: incomplete", async () => {
    server.emulator.failNext({ contentFilter: "output" }, 3);
    const { status, body } = await azureChat();
    expect(status).toBe(200);
    expect(body.choices[0]).toMatchObject({
      finish_reason: "content_filter",
      message: { content: null },
      content_filter_results: { violence: { filtered: true } },
    });
    const { events } = await callSse(azurePath("gpt-4o", "chat/completions"), {
      body: { messages, stream: true },
      headers: { "api-key": "k" },
    });
    const last = events.at(-2)!.data.choices[0];
    expect(last).toMatchObject({
      finish_reason: "content_filter",
      content_filter_results: { violence: { filtered: true } },
    });
    expect(events.slice(0, -2).some((e) => e.data.choices[0]?.delta?.content)).toBe(false);
    const form = FORMS[1]!;
    const response = await callJson(urlOf(server.url, form, "responses"), {
      body: { model: "gpt-4o", input: "Hi" },
      headers: form.headers,
    });
    expect(response.body).toMatchObject({ status: "incomplete", incomplete_details: { reason: "content_filter" } });
    expect(response.body.content_filters[1]).toMatchObject({ blocked: true, source_type: "completion" });
    expect(response.body.content_filters[0].content_filter_results).toMatchObject(PASSED_FILTERS);
  });
});

describe("emulator.fetch honours init.signal", () => {
  const chatInit = (signal: AbortSignal): RequestInit => ({
    method: "POST",
    headers: { authorization: "Bearer sk-test" },
    body: JSON.stringify({ model: "gpt-4o", messages }),
    signal,
  });

  test("already aborted: rejects with the signal's reason, and nothing is recorded", async () => {
    const emulator = createEmulator();
    const reason = new Error("gave up");
    await expect(emulator.fetch("http://emulator.test/v1/chat/completions", chatInit(AbortSignal.abort(reason))))
      .rejects.toBe(reason);
    expect(emulator.requests).toHaveLength(0);
  });

  test("aborted while the answer is pending (a 60 s latency): rejects at once with the reason", async () => {
    const emulator = createEmulator({ latencyMs: 60_000 });
    const controller = new AbortController();
    const pending = emulator.fetch("http://emulator.test/v1/chat/completions", chatInit(controller.signal));
    setTimeout(() => controller.abort(new Error("stop")), 20);
    await expect(pending).rejects.toThrow("stop");
  });

  test("aborted mid-body: the read rejects with the reason, and the body is cancelled", async () => {
    const emulator = createEmulator();
    emulator.failNext({ stallMs: 60_000 });
    const controller = new AbortController();
    const response = await emulator.fetch("http://emulator.test/v1/chat/completions", chatInit(controller.signal));
    expect(response.status).toBe(200);
    const reading = response.text();
    controller.abort(new Error("mid-body"));
    await expect(reading).rejects.toThrow("mid-body");
    expect(emulator.stats.streamsCancelled).toBe(1);
  });

  test("the client's timeoutMs fires in-process on emulator.fetch", async () => {
    const emulator = createEmulator({ latencyMs: 60_000 });
    const client = createClient({
      provider: "openai",
      apiKey: "sk-test",
      fetch: emulator.fetch,
      timeoutMs: 200,
      maxRetries: 0,
    });
    await expect(client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });
});
