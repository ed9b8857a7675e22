// client.responses.stream and resume over real HTTP, against scripted servers and a cutting fault server: where a
// Responses stream ends (response.completed / response.incomplete, a tolerated [DONE]), how it fails
// (response.failed and error events → ApiError with the event's fields; a cut or short stream → ConnectionError),
// the wire's odd shapes (split at every byte, a last event without its blank line), and that break and abort
// release the connection.
import { describe, expect, test } from "vitest";
import {
  ApiError,
  collectResponse,
  ConfigError,
  ConnectionError,
  createClient,
  type ResponseStreamEvent,
  TimeoutError,
} from "../src/mod.ts";
import { rejection, serveFor } from "./fault-server.ts";
import { snapshot, sseText, textEvents } from "./fixtures/responses-events.ts";
import { type ScriptedServer, scriptedServer, within } from "./helpers/scripted-stream.ts";

const KEY = "sk-responses-stream-secret";
const AZURE_KEY = "azure-responses-stream-secret";
const REQUEST = { model: "gpt-4.1", input: "Say hello" };

const openai = (server: { url: string }, config: { fetch?: typeof fetch; maxRetries?: number } = {}) =>
  createClient({ provider: "openai", apiKey: KEY, baseURL: server.url + "/v1", maxRetries: 0, ...config });
const azureV1 = (server: { url: string }) =>
  createClient({ provider: "azure", endpoint: server.url, apiVersion: "v1", apiKey: AZURE_KEY, maxRetries: 0 });

/** Reads `events` to the end: what was yielded, and the error it ended with (if any). */
async function drain(
  events: AsyncIterable<ResponseStreamEvent>,
): Promise<{ events: ResponseStreamEvent[]; error?: unknown }> {
  const seen: ResponseStreamEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
    return { events: seen };
  } catch (error) {
    return { events: seen, error };
  }
}

/** A server that sends `text` as the whole event stream, then ends the body (or keeps it open with `hold`). */
const sending = (
  t: Parameters<typeof scriptedServer>[0],
  text: string,
  { hold = false } = {},
): Promise<ScriptedServer> =>
  scriptedServer(t, () => ({
    headers: { "x-request-id": "req_stream" },
    body(out) {
      out.write(text);
      if (!hold) out.end();
    },
  }));

const TEXT = textEvents(["Hel", "lo", "!"]);
const UNTIL_DELTAS = TEXT.slice(0, 5);

describe("where a stream ends", () => {
  test("after response.completed: every event in order, the terminal one included, then done", async (t) => {
    const server = await sending(t, sseText(TEXT));
    const { events, error } = await drain(openai(server).responses.stream(REQUEST));
    expect(error).toBeUndefined();
    expect(events).toEqual(TEXT);
    expect(events.map((e) => e.sequence_number)).toEqual(TEXT.map((_, i) => i));
  });

  test("at response.completed even if the server keeps the connection open: the client releases it", async (t) => {
    const server = await sending(t, sseText(TEXT), { hold: true });
    const { events, error } = await drain(openai(server).responses.stream(REQUEST));
    expect(error).toBeUndefined();
    expect(events.at(-1)!.type).toBe("response.completed");
    await within(server.requests[0]!.released, 3000, "the server to see the close");
  });

  test("after response.incomplete, which is final too", async (t) => {
    const events = textEvents(["cut"], "response.incomplete");
    const server = await sending(t, sseText(events));
    expect(await drain(openai(server).responses.stream(REQUEST))).toEqual({ events });
  });

  test("a data: [DONE] after the terminal event is tolerated and not yielded", async (t) => {
    const server = await sending(t, sseText([...TEXT, "[DONE]"]));
    expect(await drain(openai(server).responses.stream(REQUEST))).toEqual({ events: TEXT });
  });

  test("a data: [DONE] without a terminal event is no finished answer: ConnectionError", async (t) => {
    const server = await sending(t, sseText([...UNTIL_DELTAS, "[DONE]"]));
    const { events, error } = await drain(openai(server).responses.stream(REQUEST));
    expect(events).toEqual(UNTIL_DELTAS);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  test("a last event without its trailing blank line is still delivered (openai-node #2725)", async (t) => {
    for (const ending of ["", "\n"]) {
      const server = await sending(t, sseText(TEXT).slice(0, -2) + ending);
      expect(await drain(openai(server).responses.stream(REQUEST))).toEqual({ events: TEXT });
    }
  });
});

describe("how a stream fails", () => {
  test("response.failed rejects with ApiError: code and message from response.error, the event as body", async (t) => {
    const failed = {
      type: "response.failed",
      sequence_number: 5,
      response: snapshot({ status: "failed", error: { code: "server_error", message: "The model failed to finish." } }),
    };
    const server = await sending(t, sseText([...UNTIL_DELTAS, failed]));
    const { events, error } = await drain(openai(server).responses.stream(REQUEST));
    expect(events).toEqual(UNTIL_DELTAS);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 200,
      provider: "openai",
      code: "server_error",
      message: "The model failed to finish.",
      body: failed,
      requestId: "req_stream",
    });
  });

  test("an error event rejects with ApiError: code, message and param from the event, the event as body", async (t) => {
    const errorEvent = {
      type: "error",
      sequence_number: 3,
      code: "invalid_prompt",
      message: "Bad tool schema.",
      param: "tools[0].parameters",
    };
    const server = await sending(t, sseText([...TEXT.slice(0, 3), errorEvent]));
    const { events, error } = await drain(azureV1(server).responses.stream(REQUEST));
    expect(events).toEqual(TEXT.slice(0, 3));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 200,
      provider: "azure",
      code: "invalid_prompt",
      message: "Bad tool schema.",
      param: "tools[0].parameters",
      body: errorEvent,
    });
  });

  test("an error event with null code and param: ApiError without them", async (t) => {
    const errorEvent = { type: "error", sequence_number: 0, code: null, message: "Something went wrong.", param: null };
    const server = await sending(t, sseText([errorEvent]));
    const error = await rejection(collectResponse(openai(server).responses.stream(REQUEST)), [KEY]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ message: "Something went wrong.", code: undefined, param: undefined });
  });

  test("an error the stream carries never shows the key, even when it echoes it", async (t) => {
    const errorEvent = {
      type: "error",
      sequence_number: 0,
      code: "invalid_api_key",
      message: `Incorrect API key provided: ${KEY}.`,
      param: null,
    };
    const server = await sending(t, sseText([errorEvent]));
    const error = await rejection(collectResponse(openai(server).responses.stream(REQUEST)), [KEY]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain("[redacted]");
  });

  test("a stream cut mid-way (the socket destroyed) is a ConnectionError after the events that came", async (t) => {
    const server = await serveFor(t, [{ sse: UNTIL_DELTAS, action: "cut" }]);
    const { events, error } = await drain(openai(server).responses.stream(REQUEST));
    expect(events).toEqual(UNTIL_DELTAS);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  test("a stream that closes cleanly before a terminal event is a ConnectionError, not a finished answer", async (t) => {
    const server = await sending(t, sseText(UNTIL_DELTAS));
    const { events, error } = await drain(openai(server).responses.stream(REQUEST));
    expect(events).toEqual(UNTIL_DELTAS);
    expect(error).toBeInstanceOf(ConnectionError);
    await expect(collectResponse(openai(server).responses.stream(REQUEST))).rejects.toBeInstanceOf(ConnectionError);
  });

  test("an HTTP error before the stream: ApiError with the service's status and fields; a 4xx is not retried", async (t) => {
    const body = {
      error: { message: "No such model.", type: "invalid_request_error", param: "model", code: "model_not_found" },
    };
    const server = await scriptedServer(t, () => ({
      status: 404,
      headers: { "content-type": "application/json" },
      body(out) {
        out.write(JSON.stringify(body));
        out.end();
      },
    }));
    const error = await rejection(
      drain(openai(server, { maxRetries: 2 }).responses.stream(REQUEST)).then((r) => Promise.reject(r.error)),
      [KEY],
    );
    expect(error).toMatchObject({ status: 404, code: "model_not_found", param: "model", message: "No such model." });
    expect(server.requests).toHaveLength(1);
  });
});

describe("the wire's shapes", () => {
  test("a stream split at every byte (CRLF, comments, multibyte text) gives the same events", async (t) => {
    const sent = textEvents(["Grüße, ", "世界 ", "😀👍🏽"]);
    const wire = ": keep-alive\r\n\r\n" + sseText(sent).replaceAll("\n", "\r\n");
    const bytes = new TextEncoder().encode(wire);
    const server = await sending(t, wire);
    // The client's fetch hands the body on one byte per read, whatever TCP did with the server's writes.
    let reads = 0;
    const oneBytePerRead: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      const split = response.body!.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(piece, out) {
            for (const byte of piece) {
              reads++;
              out.enqueue(new Uint8Array([byte]));
            }
          },
        }),
      );
      return new Response(split, { status: response.status, headers: response.headers });
    };
    const final = await collectResponse(openai(server, { fetch: oneBytePerRead }).responses.stream(REQUEST));
    expect(final.output_text).toBe("Grüße, 世界 😀👍🏽");
    // The terminal event ends the stream; its last line break may stay unread.
    expect(reads).toBeGreaterThanOrEqual(bytes.length - 2);
    expect(await drain(openai(server, { fetch: oneBytePerRead }).responses.stream(REQUEST))).toEqual({ events: sent });
  });

  test("events are typed by the JSON's type: events without event: lines read the same", async (t) => {
    const server = await sending(t, TEXT.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(""));
    expect(await drain(openai(server).responses.stream(REQUEST))).toEqual({ events: TEXT });
  });
});

describe("releasing the connection", () => {
  const holding = (t: Parameters<typeof scriptedServer>[0]) => sending(t, sseText(UNTIL_DELTAS), { hold: true });

  test("break out of the loop: the server sees the close, and the iterator is done", async (t) => {
    const server = await holding(t);
    const iterator = openai(server).responses.stream(REQUEST);
    const types: string[] = [];
    for await (const event of iterator) {
      types.push(event.type);
      if (types.length == 2) break;
    }
    expect(types).toEqual(["response.created", "response.in_progress"]);
    await within(server.requests[0]!.released, 3000, "the server to see the close");
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  test("abort while waiting for an event: that next() rejects with the reason, the server sees the close", async (t) => {
    const server = await holding(t);
    const controller = new AbortController();
    const reason = new Error("the user left");
    const iterator = openai(server).responses.stream(REQUEST, { signal: controller.signal });
    for (const _ of UNTIL_DELTAS) await iterator.next();
    const pending = iterator.next().then(
      () => "resolved",
      (e: unknown) => e,
    );
    controller.abort(reason);
    expect(await within(pending, 3000, "next() to reject")).toBe(reason);
    await within(server.requests[0]!.released, 3000, "the server to see the close");
  });

  test("the request is sent at the first next(), not when stream() is called", async (t) => {
    const server = await sending(t, sseText(TEXT));
    const iterator = openai(server).responses.stream(REQUEST);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(0);
    await iterator.next();
    expect(server.requests).toHaveLength(1);
    await iterator.return?.();
  });
});

test("a stream that goes silent for longer than timeoutMs is a TimeoutError, and the connection is released", async (t) => {
  const server = await sending(t, sseText(UNTIL_DELTAS), { hold: true });
  const client = createClient({ provider: "openai", apiKey: KEY, baseURL: server.url + "/v1", maxRetries: 0, timeoutMs: 300 });
  const { events, error } = await drain(client.responses.stream(REQUEST));
  expect(events).toEqual(UNTIL_DELTAS);
  expect(error).toBeInstanceOf(TimeoutError);
  await within(server.requests[0]!.released, 3000, "the server to see the close");
});

describe("resume", () => {
  test("GET …/responses/{id}?stream=true&starting_after=N, then the events after N with the same end rule", async (t) => {
    const after = TEXT.slice(5);
    const server = await sending(t, sseText(after), { hold: true });
    const { events, error } = await drain(openai(server).responses.resume("resp_bg", { starting_after: 4 }));
    expect(error).toBeUndefined();
    expect(events).toEqual(after);
    expect(server.requests.map((r) => [r.method, r.url, r.headers.accept, r.body])).toEqual([[
      "GET",
      "/v1/responses/resp_bg?stream=true&starting_after=4",
      "text/event-stream",
      "",
    ]]);
    await within(server.requests[0]!.released, 3000, "the server to see the close");
  });

  test("a resumed stream that fails or is cut rejects like a new one", async (t) => {
    const failed = {
      type: "response.failed",
      sequence_number: 6,
      response: snapshot({ status: "failed", error: { code: "server_error", message: "lost" } }),
    };
    const failing = await sending(t, sseText([TEXT[5]!, failed]));
    expect((await drain(openai(failing).responses.resume("resp_bg", { starting_after: 4 }))).error).toMatchObject({
      code: "server_error",
      message: "lost",
      body: failed,
    });
    const short = await sending(t, sseText([TEXT[5]!]));
    expect((await drain(openai(short).responses.resume("resp_bg", { starting_after: 4 }))).error).toBeInstanceOf(
      ConnectionError,
    );
  });

  test("a bad starting_after is a ConfigError at the call", () => {
    const client = openai({ url: "http://127.0.0.1:9" });
    for (const starting_after of [-1, 1.5, "3", Number.NaN]) {
      expect(() => client.responses.resume("resp_1", { starting_after: starting_after as number })).toThrow(
        ConfigError,
      );
    }
  });
});

test("the event union narrows on type", async (t) => {
  const server = await sending(t, sseText(TEXT));
  const deltas: string[] = [];
  for await (const event of openai(server).responses.stream(REQUEST)) {
    if (event.type === "response.output_text.delta") deltas.push(event.delta);
    if (event.type === "response.completed") expect(event.response.status).toBe("completed");
  }
  expect(deltas).toEqual(["Hel", "lo", "!"]);
});
