// The stream reader on its own (readEvents with the two end rules), through scripted bodies and over real HTTP:
// where each wire style ends, which events are errors and what the ApiError is made of, cut and stalled streams,
// a 200 that did not stream, return() during a pending read, and one pass per read.
import { describe, expect, test } from "vitest";
import { ApiError, ConnectionError, TimeoutError } from "../src/mod.ts";
import { CHAT_END, type EndRule, RESPONSES_END } from "../src/end-rules.ts";
import { readEvents } from "../src/events.ts";
import type { OpenedStream } from "../src/send.ts";
import { chatChunk, serveFor } from "./fault-server.ts";
import { drain, openedFor, scriptedResponse } from "./helpers/streams.ts";

type Json = Record<string, any>;

/** A Responses event as the service sends it: `event: <type>` and the JSON with `type` and `sequence_number`. */
const sse = (type: string, sequence: number, fields: Json = {}) => `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence, ...fields })}\n\n`;

const response = (status: string, extra: Json = {}) => ({ id: "resp_1", object: "response", status, output: [], error: null, ...extra });

/** A text response's events, the terminal one last. */
const textEvents = (terminal = sse("response.completed", 5, { response: response("completed") })) => [
  sse("response.created", 0, { response: response("in_progress") }),
  sse("response.in_progress", 1, { response: response("in_progress") }),
  sse("response.output_text.delta", 2, { item_id: "msg_1", output_index: 0, content_index: 0, delta: "Hel" }),
  sse("response.output_text.delta", 3, { item_id: "msg_1", output_index: 0, content_index: 0, delta: "lo" }),
  sse("response.output_text.done", 4, { item_id: "msg_1", output_index: 0, content_index: 0, text: "Hello" }),
  terminal,
];

const read = (pieces: string[], rule: EndRule, options: { hold?: boolean; headers?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal } = {}) => {
  const body = scriptedResponse(pieces, options);
  const opened = openedFor(body.response);
  const events = readEvents<Json>(async () => opened, rule, { timeoutMs: options.timeoutMs ?? 60_000, signal: options.signal });
  return { body, opened, events };
};

const types = (events: Json[]) => events.map((e) => e.type);

describe("Responses end rule", () => {
  test.each(["response.completed", "response.incomplete"])("%s is yielded and ends the stream; nothing after it is read", async (type) => {
    const terminal = sse(type, 5, { response: response(type.slice(9)) });
    const { body, events } = read([textEvents(terminal).join(""), sse("response.output_text.delta", 6, { delta: "never" })], RESPONSES_END);
    const { items, error } = await drain(events);
    expect(error).toBeUndefined();
    expect(types(items)).toEqual(["response.created", "response.in_progress", "response.output_text.delta", "response.output_text.delta", "response.output_text.done", type]);
    expect(items.at(-1)!.sequence_number).toBe(5);
    expect(body.reads).toBe(1);
    expect(body.cancelled).toBe(true); // the connection is let go at the end, not read on
  });

  test("a data: [DONE] is tolerated and not yielded, before or after the terminal event", async () => {
    const pieces = textEvents();
    pieces.splice(3, 0, "data: [DONE]\n\n");
    pieces.push("data: [DONE]\n\n");
    const { items, error } = await drain(read(pieces, RESPONSES_END).events);
    expect(error).toBeUndefined();
    expect(types(items)).toEqual(types(textEvents().map((e) => JSON.parse(e.split("data: ")[1]!))));
  });

  test("response.failed rejects with an ApiError from response.error, whose body is the event, after the events before it", async () => {
    const failed = { type: "response.failed", sequence_number: 3, response: response("failed", { error: { code: "server_error", message: "The model failed.", param: "input" } }) };
    const { opened, events } = read([...textEvents().slice(0, 3), `event: response.failed\ndata: ${JSON.stringify(failed)}\n\n`, sse("response.completed", 4)], RESPONSES_END);
    const { items, error } = await drain(events);
    expect(types(items)).toEqual(["response.created", "response.in_progress", "response.output_text.delta"]);
    expect(error).toBeInstanceOf(ApiError);
    expect(opened.errors).toHaveLength(1);
    const [init] = opened.errors;
    expect(init).toMatchObject({ status: 200, body: failed, message: "The model failed.", code: "server_error", param: "input" });
    expect(init!.headers.get("x-request-id")).toBe("req_events");
    expect((error as ApiError).message).toBe("The model failed.");
    expect((error as ApiError).body).toEqual(failed);
  });

  test.each([
    ["with its event: line", (e: Json) => `event: error\ndata: ${JSON.stringify(e)}\n\n`],
    ["by its type alone", (e: Json) => `data: ${JSON.stringify(e)}\n\n`],
  ])("an error event (%s) rejects with an ApiError from its own code, message and param", async (_, wire) => {
    const event = { type: "error", sequence_number: 2, code: "rate_limit_exceeded", message: "Slow down.", param: null };
    const { opened, events } = read([...textEvents().slice(0, 2), wire(event)], RESPONSES_END);
    const { items, error } = await drain(events);
    expect(items).toHaveLength(2);
    expect(error).toBeInstanceOf(ApiError);
    expect(opened.errors).toEqual([{ status: 200, headers: expect.any(Headers), body: event, message: "Slow down.", code: "rate_limit_exceeded", param: undefined, type: "error" }]);
  });

  test("a stream that closes before a terminal event rejects with ConnectionError naming the end it expected", async () => {
    const { items, error } = await drain(read(textEvents().slice(0, 4), RESPONSES_END).events);
    expect(items).toHaveLength(4);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("the stream ended before response.completed or response.incomplete");
  });

  test("a final terminal event without its trailing blank line still counts (openai-node #2725)", async () => {
    const pieces = textEvents();
    pieces[pieces.length - 1] = pieces.at(-1)!.replace(/\n\n$/, "");
    const { items, error } = await drain(read(pieces, RESPONSES_END).events);
    expect(error).toBeUndefined();
    expect(items.at(-1)!.type).toBe("response.completed");
    // And for chat, a last "data: [DONE]" with no line ending at all.
    const chat = await drain(read([`data: ${JSON.stringify(chatChunk("a"))}\n\ndata: [DONE]`], CHAT_END).events);
    expect(chat.error).toBeUndefined();
    expect(chat.items).toEqual([chatChunk("a")]);
  });

  test("the same events for every cut of the wire into two reads, and for one byte per read", async () => {
    const wire = new TextEncoder().encode(textEvents().join("").replaceAll("Hel", "Hé😀"));
    const whole = await drain(read([new TextDecoder().decode(wire)], RESPONSES_END).events);
    expect(whole.error).toBeUndefined();
    expect(whole.items).toHaveLength(6);
    const cutAt = async (cuts: number[]) => {
      const pieces: Uint8Array[] = [];
      let from = 0;
      for (const at of [...cuts, wire.length]) {
        pieces.push(wire.slice(from, at));
        from = at;
      }
      const body = scriptedResponse(pieces);
      return drain(readEvents<Json>(async () => openedFor(body.response), RESPONSES_END, { timeoutMs: 60_000 }));
    };
    for (let at = 1; at < wire.length; at++) expect(await cutAt([at]), `cut at ${at}`).toEqual(whole);
    expect(await cutAt(Array.from({ length: wire.length - 1 }, (_, i) => i + 1))).toEqual(whole);
  });
});

describe("chat end rule", () => {
  test("data: [DONE] ends the stream and is not yielded; what follows is not read", async () => {
    const { body, events } = read([`data: ${JSON.stringify(chatChunk("a"))}\n\ndata: [DONE]\n\n`, `data: ${JSON.stringify(chatChunk("never"))}\n\n`], CHAT_END);
    const { items, error } = await drain(events);
    expect(error).toBeUndefined();
    expect(items).toEqual([chatChunk("a")]);
    expect(body.reads).toBe(1);
    expect(body.cancelled).toBe(true);
  });

  test("an event that is not JSON rejects with ConnectionError (its cause the parse error), after the events before it", async () => {
    const { items, error } = await drain(read([`data: ${JSON.stringify(chatChunk("a"))}\n\ndata: {"id":\n\ndata: [DONE]\n\n`], CHAT_END).events);
    expect(items).toEqual([chatChunk("a")]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  test("a chunk with an error object: ApiError from its error's fields; the body is the whole event", async () => {
    const event = { error: { message: "overloaded", type: "server_error", param: null, code: 503 } };
    const { opened, items, error } = await (async () => {
      const r = read([`data: ${JSON.stringify(chatChunk("a"))}\n\ndata: ${JSON.stringify(event)}\n\n`], CHAT_END);
      return { opened: r.opened, ...(await drain(r.events)) };
    })();
    expect(items).toEqual([chatChunk("a")]);
    expect(error).toBeInstanceOf(ApiError);
    expect(opened.errors).toEqual([{ status: 200, headers: expect.any(Headers), body: event, message: "overloaded", code: "503", param: undefined, type: "server_error" }]);
  });
});

describe("how the reader reads", () => {
  test("one read's events are handed out in one pass: a single read for three events, each later next() already settled", async () => {
    const three = [chatChunk("a"), chatChunk("b"), chatChunk("c")].map((c) => `data: ${JSON.stringify(c)}\n\n`).join("");
    const { body, events } = read([three, "data: [DONE]\n\n"], CHAT_END);
    expect((await events.next()).value).toEqual(chatChunk("a"));
    expect(body.reads).toBe(1);
    // The next two come from the queue: settled by the time one microtask has run, with no read in between.
    for (const content of ["b", "c"]) {
      let value: unknown;
      void events.next().then((r) => {
        value = r.value;
      });
      await Promise.resolve();
      await Promise.resolve();
      expect(value).toEqual(chatChunk(content));
    }
    expect(body.reads).toBe(1);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  test("the request is opened at the first next(), and next() calls made at once are answered in order", async () => {
    let opens = 0;
    const body = scriptedResponse([`data: ${JSON.stringify(chatChunk("a"))}\n\n`, `data: ${JSON.stringify(chatChunk("b"))}\n\ndata: [DONE]\n\n`]);
    const open = async () => {
      opens++;
      return openedFor(body.response);
    };
    const events = readEvents<Json>(open, CHAT_END, { timeoutMs: 60_000 });
    expect(opens).toBe(0);
    const results = await Promise.all([events.next(), events.next(), events.next(), events.next()]);
    expect(opens).toBe(1);
    expect(results).toEqual([
      { done: false, value: chatChunk("a") },
      { done: false, value: chatChunk("b") },
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
  });

  test("silence longer than timeoutMs while waiting for a read: TimeoutError, and the body is cancelled", async () => {
    const { body, events } = read([`data: ${JSON.stringify(chatChunk("a"))}\n\n`], CHAT_END, { hold: true, timeoutMs: 150 });
    expect((await events.next()).value).toEqual(chatChunk("a"));
    const error = await events.next().then(() => "resolved", (e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("the stream sent nothing for 150 ms");
    expect(body.cancelled).toBe(true);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  test("a consumer slower than timeoutMs is not timed out: only silence while the reader waits counts", async () => {
    const chunks = ["a", "b", "c"].map((t) => `data: ${JSON.stringify(chatChunk(t))}\n\n`);
    const { events } = read([chunks[0]!, chunks[1]!, chunks[2]! + "data: [DONE]\n\n"], CHAT_END, { timeoutMs: 100 });
    const seen: string[] = [];
    for await (const chunk of events) {
      seen.push(chunk.choices[0].delta.content);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen).toEqual(["a", "b", "c"]);
  });

  test("return() while a next() waits for data cancels the body at once; that next() resolves done", async () => {
    const { body, events } = read([`data: ${JSON.stringify(chatChunk("a"))}\n\n`], CHAT_END, { hold: true });
    await events.next();
    const pending = events.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(body.cancelled).toBe(false);
    expect(await events.return!()).toEqual({ done: true, value: undefined });
    expect(body.cancelled).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  test("an abort while the response head is on its way (an open that ignores the signal): its reason, the body cancelled", async () => {
    const controller = new AbortController();
    const body = scriptedResponse([`data: ${JSON.stringify(chatChunk("a"))}\n\n`], { hold: true });
    const events = readEvents<Json>(
      async () => {
        controller.abort(new Error("gone"));
        return openedFor(body.response);
      },
      CHAT_END,
      { timeoutMs: 60_000, signal: controller.signal },
    );
    await expect(events.next()).rejects.toThrow("gone");
    expect(body.cancelled).toBe(true);
  });

  test("return() while the response head is on its way: the body is cancelled as soon as it comes", async () => {
    const body = scriptedResponse([`data: ${JSON.stringify(chatChunk("a"))}\n\n`], { hold: true });
    let arrive = () => {};
    const open = () =>
      new Promise<OpenedStream>((resolve) => {
        arrive = () => resolve(openedFor(body.response));
      });
    const events = readEvents<Json>(open, CHAT_END, { timeoutMs: 60_000 });
    const pending = events.next();
    expect(await events.return!()).toEqual({ done: true, value: undefined });
    arrive();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(body.cancelled).toBe(true);
  });

  test("events that arrived in the same read as an abort are not handed out after it", async () => {
    const controller = new AbortController();
    const two = [chatChunk("a"), chatChunk("b")].map((c) => `data: ${JSON.stringify(c)}\n\n`).join("");
    const { body, events } = read([two], CHAT_END, { hold: true, signal: controller.signal });
    expect((await events.next()).value).toEqual(chatChunk("a"));
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(events.next()).rejects.toBe(reason);
    expect(body.cancelled).toBe(true);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });
});

describe("a 200 that is not a stream", () => {
  test("application/json with an error object: the ApiError it describes", async () => {
    const error = { message: "Rate limit reached for requests", type: "requests", param: null, code: "rate_limit_exceeded" };
    const { opened, events } = read([JSON.stringify({ error })], CHAT_END, { headers: { "content-type": "application/json" } });
    const { items, error: thrown } = await drain(events);
    expect(items).toEqual([]);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(opened.errors).toEqual([{ status: 200, headers: expect.any(Headers), body: { error }, message: error.message, code: "rate_limit_exceeded", param: undefined, type: "requests" }]);
  });

  test.each([CHAT_END, RESPONSES_END])("application/json with a finished answer: ConnectionError saying the server did not stream, with the body", async (rule) => {
    const text = JSON.stringify({ id: "chatcmpl-1", object: "chat.completion", choices: [] });
    const { items, error } = await drain(read([text], rule, { headers: { "content-type": "application/json; charset=utf-8" } }).events);
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("the server did not stream: a 200 with content-type application/json; charset=utf-8");
    expect(error).toMatchObject({ status: 200, body: text });
  });
});

describe("over real HTTP", () => {
  /** Reads a Responses stream from a fault server with plain fetch. */
  const responsesOver = (url: string, timeoutMs = 60_000) =>
    readEvents<Json>(async () => openedFor(await fetch(url)), RESPONSES_END, { timeoutMs });

  const events = [
    { type: "response.created", sequence_number: 0, response: response("in_progress") },
    { type: "response.output_text.delta", sequence_number: 1, delta: "Hi" },
    { type: "response.completed", sequence_number: 2, response: response("completed") },
  ];

  test("a Responses stream ends at response.completed; a cut one is a ConnectionError after its events", async (t) => {
    const s = await serveFor(t, [{ sse: events }, { sse: events.slice(0, 2), action: "cut" }]);
    const whole = await drain(responsesOver(s.url));
    expect(whole.error).toBeUndefined();
    expect(whole.items).toEqual(events);
    const cut = await drain(responsesOver(s.url));
    expect(cut.items).toEqual(events.slice(0, 2));
    expect(cut.error).toBeInstanceOf(ConnectionError);
  });

  test("a stream that stalls after its head: TimeoutError after timeoutMs of silence", async (t) => {
    const s = await serveFor(t, [{ sse: events, sseDelayMs: 60_000 }]);
    const { items, error } = await drain(responsesOver(s.url, 200));
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(TimeoutError);
  });
});
