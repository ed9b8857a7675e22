// chatStream / completeStream over real HTTP: against the emulator for both providers, then against hand-written
// loopback servers for the wire cases a real service (or a proxy in front of it) produces.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { ApiError, type ChatCompletionChunk, type Client, ConfigError, ConnectionError, createClient } from "../src/mod.ts";
import { PASSED_FILTERS } from "../src/testing.ts";
import { type EmulatorServer, startEmulator } from "./helpers.ts";

const messages = [{ role: "user" as const, content: "one two three four five" }];

/** Rejects if `promise` has not settled within `ms`: for "the server saw the close" waits. */
const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms))]);

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs an iterator to its end, keeping what it yielded and how it ended. */
async function drain<T>(iterable: AsyncIterable<T>): Promise<{ chunks: T[]; error?: unknown }> {
  const chunks: T[] = [];
  try {
    for await (const chunk of iterable) chunks.push(chunk);
    return { chunks };
  } catch (error) {
    return { chunks, error };
  }
}

const contentOf = (chunks: ChatCompletionChunk[]) => chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");

describe("against the emulator", () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulator();
  });
  afterAll(() => server.close());
  afterEach(() => server.emulator.reset());

  const clients = () => [
    { name: "openai", client: server.openai(), chatURL: server.url + "/v1/chat/completions", completionsURL: server.url + "/v1/completions" },
    {
      name: "azure",
      client: server.azure(),
      chatURL: server.url + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
      completionsURL: server.url + "/openai/deployments/gpt-4o/completions?api-version=2024-10-21",
    },
  ];

  test.each(["openai", "azure"])("%s chatStream: stream: true and accept: text/event-stream; ordered chunks spell the non-streamed reply", async (name) => {
    const { client, chatURL } = clients().find((c) => c.name == name)!;
    const reply = await client.chat({ model: "gpt-4o", messages });
    server.emulator.reset();

    const { chunks, error } = await drain(client.chatStream({ model: "gpt-4o", messages }));
    expect(error).toBeUndefined();
    expect(server.emulator.requests).toHaveLength(1);
    const [request] = server.emulator.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(chatURL);
    expect(request!.body).toEqual({ model: "gpt-4o", messages, stream: true });
    expect(request!.headers.accept).toBe("text/event-stream");
    expect(request!.headers["content-type"]).toBe("application/json");

    expect(reply.choices[0]!.message.content).toBe("You said: one two three four five");
    expect(contentOf(chunks)).toBe(reply.choices[0]!.message.content);
    // One chunk per token, in order, after the role chunk (and Azure's filter chunk), then the finish chunk.
    const withChoices = chunks.filter((c) => c.choices.length);
    expect(withChoices[0]!.choices[0]!.delta).toEqual({ role: "assistant", content: "", refusal: null });
    expect(withChoices.slice(1, -1).map((c) => c.choices[0]!.delta!.content)).toEqual(["You", " said:", " one", " two", " three", " four", " five"]);
    expect(withChoices.at(-1)!.choices[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
    for (const c of withChoices) expect(c).toMatchObject({ object: "chat.completion.chunk", model: "gpt-4o", id: withChoices[0]!.id });
    expect(chunks.length).toBe(withChoices.length + (name == "azure" ? 1 : 0));
  });

  test("Azure's first chunk has choices: [] and prompt_filter_results, and is yielded as it is", async () => {
    const { chunks } = await drain(server.azure().chatStream({ model: "gpt-4o", messages }));
    expect(chunks[0]).toEqual({
      choices: [],
      created: 0,
      id: "",
      model: "",
      object: "",
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } } }],
    });
    expect(chunks[1]!.choices[0]!.delta!.role).toBe("assistant");
    // Azure's content chunks carry their filter results too.
    expect(chunks[2]!.choices[0]!.content_filter_results).toEqual(PASSED_FILTERS);
  });

  test.each(["openai", "azure"])("%s completeStream: stream: true, and the chunks' text spells the non-streamed completion", async (name) => {
    const { client, completionsURL } = clients().find((c) => c.name == name)!;
    const whole = await client.complete({ model: "gpt-4o", prompt: "alpha beta gamma" });
    server.emulator.reset();

    const { chunks, error } = await drain(client.completeStream({ model: "gpt-4o", prompt: "alpha beta gamma", max_tokens: 50 }));
    expect(error).toBeUndefined();
    expect(server.emulator.requests).toHaveLength(1);
    expect(server.emulator.requests[0]!.url).toBe(completionsURL);
    expect(server.emulator.requests[0]!.body).toEqual({ model: "gpt-4o", prompt: "alpha beta gamma", max_tokens: 50, stream: true });
    expect(server.emulator.requests[0]!.headers.accept).toBe("text/event-stream");

    expect(whole.choices[0]!.text).toBe("You said: alpha beta gamma");
    expect(chunks.map((c) => c.choices[0]?.text ?? "").join("")).toBe(whole.choices[0]!.text);
    if (name == "azure") expect(chunks[0]).toMatchObject({ choices: [], id: "" });
    expect(chunks.filter((c) => c.choices.length).every((c) => c.object == "text_completion")).toBe(true);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe("stop");
  });

  test.each(["openai", "azure"])("%s: stream_options.include_usage gives a last chunk with usage and no choices", async (name) => {
    const { client } = clients().find((c) => c.name == name)!;
    const reply = await client.chat({ model: "gpt-4o", messages });
    server.emulator.reset();

    const { chunks, error } = await drain(client.chatStream({ model: "gpt-4o", messages, stream_options: { include_usage: true } }));
    expect(error).toBeUndefined();
    expect(server.emulator.requests[0]!.body).toEqual({ model: "gpt-4o", messages, stream: true, stream_options: { include_usage: true } });
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual(reply.usage);
    expect(last.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: 7, total_tokens: expect.any(Number) });
    // Every chunk before it says usage: null.
    for (const c of chunks.slice(name == "azure" ? 1 : 0, -1)) expect(c.usage).toBeNull();
    expect(contentOf(chunks)).toBe(reply.choices[0]!.message.content);
  });

  test("break after 2 chunks cancels the response: the emulator sees its stream cancelled", async () => {
    const long = await startEmulator({ replyTokens: 200_000 });
    try {
      const seen: ChatCompletionChunk[] = [];
      for await (const chunk of long.openai().chatStream({ model: "gpt-4o", messages })) {
        seen.push(chunk);
        if (seen.length == 2) break;
      }
      expect(seen.map((c) => c.choices[0]!.delta!.content)).toEqual(["", "lorem"]);
      await vi.waitFor(() => expect(long.emulator.stats.streamsCancelled).toBe(1), { timeout: 3000, interval: 10 });
      expect(long.emulator.requests).toHaveLength(1);
    } finally {
      await long.close();
    }
  });

  test("a long emulator stream under back-pressure does not pile up listeners on the server's response", async () => {
    const long = await startEmulator({ replyTokens: 200_000 });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    try {
      const iterator = long.openai().chatStream({ model: "gpt-4o", messages });
      await iterator.next();
      // Let the server fill the socket and wait for "drain" many times while the client reads slowly.
      for (let i = 0; i < 4000; i++) await iterator.next();
      await iterator.return!();
      await vi.waitFor(() => expect(long.emulator.stats.streamsCancelled).toBe(1), { timeout: 3000, interval: 10 });
      await delay(10);
      expect(warnings.filter((w) => w.includes("MaxListenersExceeded"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await long.close();
    }
  });

  test("the request is sent at the first next(), not when chatStream() is called", async () => {
    const iterator = server.openai().chatStream({ model: "gpt-4o", messages });
    await delay(50);
    expect(server.emulator.requests).toHaveLength(0);
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(server.emulator.requests).toHaveLength(1);
    await iterator.return?.();
  });

  test("a bad request throws ConfigError at the call, before any request", async () => {
    const client = server.openai();
    expect(() => client.chatStream({ model: "gpt-4o" } as never)).toThrow(ConfigError);
    expect(() => client.chatStream({ model: "gpt-4o", messages: [] })).toThrow(ConfigError);
    expect(() => client.chatStream({ messages } as never)).toThrow(ConfigError);
    expect(() => client.completeStream({ prompt: "x" } as never)).toThrow(ConfigError);
    expect(() => server.azure().chatStream({ model: "", messages })).toThrow(ConfigError);
    await delay(20);
    expect(server.emulator.requests).toHaveLength(0);
  });
});

// ---- hand-written loopback servers ----

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  at: number;
  /** Resolves when the response's connection closes; `early` when the response had not ended (the client left). */
  closed: Promise<{ early: boolean }>;
}

interface Loopback {
  url: string;
  seen: Seen[];
  client(config?: { maxRetries?: number; provider?: "openai" | "azure" }): Client;
  close(): Promise<void>;
}

/** A node:http server on an ephemeral 127.0.0.1 port; `handler` writes the response by hand. */
async function loopback(handler: (res: ServerResponse, n: number, req: IncomingMessage) => void | Promise<void>): Promise<Loopback> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const closed = new Promise<{ early: boolean }>((resolve) => res.on("close", () => resolve({ early: !res.writableEnded })));
    let text = "";
    for await (const part of req) text += part;
    const n = seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: JSON.parse(text), at: performance.now(), closed }) - 1;
    await handler(res, n, req);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    seen,
    client: ({ maxRetries = 2, provider = "openai" } = {}) =>
      provider == "openai"
        ? createClient({ provider, apiKey: "sk-test", baseURL: url + "/v1", maxRetries })
        : createClient({ provider, endpoint: url, apiVersion: "2024-10-21", apiKey: "azure-key", maxRetries }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-request-id": "req_stream" };

const chunk = (content: string, extra: Record<string, unknown> = {}) => ({
  id: "chatcmpl-1",
  object: "chat.completion.chunk",
  created: 1_700_000_000,
  model: "gpt-4o",
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
  ...extra,
});

const event = (value: unknown) => `data: ${typeof value == "string" ? value : JSON.stringify(value)}\n\n`;

const servers: Loopback[] = [];
const start = async (handler: Parameters<typeof loopback>[0]) => {
  const s = await loopback(handler);
  servers.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("against hand-written servers", () => {
  test("a server that writes the stream one byte at a time (CRLF, comments, multibyte text) gives the same chunks", async () => {
    const sent = [chunk("", { choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }), chunk("Grüße, "), chunk("世界 "), chunk("😀👍🏽"), chunk("!", { choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })];
    const wire = ": keep-alive\r\n\r\n" + sent.map((c, i) => `id: ${i}\r\ndata: ${JSON.stringify(c)}\r\n\r\n`).join("") + ": bye\r\ndata: [DONE]\r\n\r\n";
    const bytes = new TextEncoder().encode(wire);
    const server = await start(async (res) => {
      res.writeHead(200, SSE_HEADERS);
      for (const byte of bytes) {
        await new Promise<void>((resolve) => res.write(new Uint8Array([byte]), () => resolve()));
        await new Promise((r) => setImmediate(r));
      }
      res.end();
    });
    // TCP may coalesce the server's one-byte writes on a busy machine, so the client's fetch also hands the body on
    // one byte per read: the parser then sees every event, line ending and character split, whatever the network did.
    const reads: number[] = [];
    const client = createClient({
      provider: "openai",
      apiKey: "sk-test",
      baseURL: server.url + "/v1",
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        const counted = response.body!.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(piece, out) {
              for (const byte of piece) reads.push(1), out.enqueue(new Uint8Array([byte]));
            },
          }),
        );
        return new Response(counted, { status: response.status, headers: response.headers });
      },
    });
    const { chunks, error } = await drain(client.chatStream({ model: "gpt-4o", messages }));
    expect(error).toBeUndefined();
    expect(chunks).toEqual(sent);
    expect(contentOf(chunks)).toBe("Grüße, 世界 😀👍🏽");
    // One read per byte, so reads ended inside every multibyte character. (The client stops at [DONE], whose last
    // "\r" already ends the event: the final "\n" may stay unread.)
    expect(reads.length).toBeGreaterThanOrEqual(bytes.length - 1);
    const ends = reads.map(((sum) => (n: number) => (sum += n))(0));
    expect(ends.some((at) => at < bytes.length && (bytes[at]! & 0xc0) == 0x80)).toBe(true);
  });

  test('chunks with id: "" and without delta are yielded as they are, without a crash', async () => {
    const sent = [
      { choices: [], created: 0, id: "", model: "", object: "", prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] },
      { id: "", object: "chat.completion.chunk", created: 0, model: "gpt-4o", choices: [{ index: 0, finish_reason: null, content_filter_results: { hate: { filtered: false, severity: "safe" } } }] },
      chunk("hi"),
      { id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "gpt-4o", choices: [{ index: 0, finish_reason: "stop" }] },
    ];
    const server = await start((res) => {
      res.writeHead(200, SSE_HEADERS);
      res.end(sent.map(event).join("") + event("[DONE]"));
    });
    const { chunks, error } = await drain(server.client({ provider: "azure" }).chatStream({ model: "gpt-4o", messages }));
    expect(error).toBeUndefined();
    expect(chunks).toEqual(sent);
    expect(contentOf(chunks)).toBe("hi");
  });

  test.each(["openai", "azure"] as const)("%s: a data event carrying an error object rejects with ApiError after the chunks before it", async (provider) => {
    const error = { message: "The server had an error while processing your request.", type: "server_error", param: null, code: "overloaded" };
    const server = await start((res) => {
      res.writeHead(200, SSE_HEADERS);
      res.end(event(chunk("a")) + event(chunk("b")) + event({ error }) + event(chunk("never")) + event("[DONE]"));
    });
    const { chunks, error: thrown } = await drain(server.client({ provider }).chatStream({ model: "gpt-4o", messages }));
    expect(contentOf(chunks)).toBe("ab");
    expect(thrown).toBeInstanceOf(ApiError);
    const e = thrown as ApiError;
    expect(e.message).toBe(error.message);
    expect(e.status).toBe(200);
    expect(e.code).toBe("overloaded");
    expect(e.type).toBe("server_error");
    expect(e.param).toBeUndefined();
    expect(e.provider).toBe(provider);
    expect(e.requestId).toBe("req_stream");
    expect(e.body).toEqual({ error });
    expect(server.seen).toHaveLength(1);
  });

  test.each([
    ["JSON data", 'data: {"error":{"message":"rate limited mid-stream","code":"429"}}', "rate limited mid-stream", "429"],
    ["plain-text data", "data: upstream overloaded", "upstream overloaded", undefined],
  ])("event: error with %s rejects with ApiError", async (_, data, message, code) => {
    const server = await start((res) => {
      res.writeHead(200, SSE_HEADERS);
      res.end(event(chunk("a")) + `event: error\n${data}\n\n` + event("[DONE]"));
    });
    const { chunks, error } = await drain(server.client().chatStream({ model: "gpt-4o", messages }));
    expect(contentOf(chunks)).toBe("a");
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(message);
    expect((error as ApiError).code).toBe(code);
    expect((error as ApiError).provider).toBe("openai");
  });

  test.each([
    ["ends cleanly between events", (res: ServerResponse) => res.end(event(chunk("a")) + event(chunk("b")))],
    ["ends in the middle of an event", (res: ServerResponse) => res.end(event(chunk("a")) + event(chunk("b")) + 'data: {"id":"chatcmpl-1","choi')],
    ["ends after a complete line but no [DONE]", (res: ServerResponse) => res.end(event(chunk("a")) + event(chunk("b")) + `data: ${JSON.stringify(chunk("c"))}\n`)],
    [
      "drops the connection mid-event",
      (res: ServerResponse) => {
        res.write(event(chunk("a")) + event(chunk("b")) + "data: {");
        setTimeout(() => res.destroy(), 20);
      },
    ],
  ])("a stream that %s before [DONE] rejects with ConnectionError after yielding the chunks before it", async (_, write) => {
    const server = await start((res) => {
      res.writeHead(200, SSE_HEADERS);
      write(res);
    });
    const { chunks, error } = await drain(server.client().chatStream({ model: "gpt-4o", messages }));
    expect(contentOf(chunks)).toMatch(/^ab/);
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.seen).toHaveLength(1); // a stream that has started is never silently re-sent
  });

  test.each([
    [400, { message: "Invalid value for 'temperature'.", type: "invalid_request_error", param: "temperature", code: "invalid_value" }],
    [404, { message: "The model `gpt-5x` does not exist or you do not have access to it.", type: "invalid_request_error", param: null, code: "model_not_found" }],
  ])("HTTP %i before the stream rejects from the iterator with ApiError, after 1 request", async (status, body) => {
    const server = await start((res) => {
      res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_err" });
      res.end(JSON.stringify({ error: body }));
    });
    const iterator = server.client().chatStream({ model: "gpt-4o", messages });
    const error = await iterator.next().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(status);
    expect(e.message).toBe(body.message);
    expect(e.code).toBe(body.code);
    expect(e.type).toBe("invalid_request_error");
    expect(e.param).toBe(body.param ?? undefined);
    expect(e.requestId).toBe("req_err");
    expect(e.body).toEqual({ error: body });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.headers.accept).toBe("text/event-stream");
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  test("a 503 with retry-after-ms: 10, then a good stream: 2 requests, waited ≥ 10 ms, the second stream's chunks", async () => {
    const server = await start((res, n) => {
      if (n == 0) {
        res.writeHead(503, { "content-type": "application/json", "retry-after-ms": "10" });
        return void res.end(JSON.stringify({ error: { message: "busy", type: "server_error", param: null, code: null } }));
      }
      res.writeHead(200, SSE_HEADERS);
      res.end(event(chunk("x")) + event(chunk("y")) + event("[DONE]"));
    });
    const { chunks, error } = await drain(server.client().chatStream({ model: "gpt-4o", messages }));
    expect(error).toBeUndefined();
    expect(chunks).toEqual([chunk("x"), chunk("y")]);
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.body).toEqual(server.seen[0]!.body);
    expect(server.seen[1]!.body).toEqual({ model: "gpt-4o", messages, stream: true });
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(9); // timers may round down by < 1 ms
  });

  test.each([
    ["a JSON body", "application/json", JSON.stringify({ id: "chatcmpl-1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }] })],
    ["an empty event stream", "text/event-stream", ""],
  ])("a 200 with %s instead of an event stream rejects with ConnectionError, never zero chunks silently", async (_, type, body) => {
    const server = await start((res) => {
      res.writeHead(200, type ? { "content-type": type } : {});
      res.end(body);
    });
    const { chunks, error } = await drain(server.client().chatStream({ model: "gpt-4o", messages }));
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.seen).toHaveLength(1);
  });

  test("a well-formed SSE body without a content-type is still read (some proxies drop the header)", async () => {
    const server = await start((res) => {
      res.writeHead(200, {});
      res.end(event(chunk("a")) + event("[DONE]"));
    });
    const { chunks, error } = await drain(server.client().chatStream({ model: "gpt-4o", messages }));
    expect(error).toBeUndefined();
    expect(chunks).toEqual([chunk("a")]);
    expect(server.seen).toHaveLength(1);
  });

  /** A server that sends 3 chunks and then holds the stream open. */
  const holdingServer = () =>
    start((res) => {
      res.writeHead(200, SSE_HEADERS);
      res.write(event(chunk("a")) + event(chunk("b")) + event(chunk("c")));
    });

  test("break out of the loop after 2 chunks: the server sees the response's connection closed", async () => {
    const server = await holdingServer();
    const iterator = server.client().chatStream({ model: "gpt-4o", messages });
    const seen: string[] = [];
    for await (const c of iterator) {
      seen.push(c.choices[0]!.delta!.content!);
      if (seen.length == 2) break;
    }
    expect(seen).toEqual(["a", "b"]);
    expect(await within(server.seen[0]!.closed, 3000, "the server to see the close")).toEqual({ early: true });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  test("aborting the signal mid-stream rejects the next next() with the signal's own reason, even with a chunk already received, and the server sees the close", async () => {
    const server = await holdingServer();
    const controller = new AbortController();
    const reason = { why: "the user closed the tab" };
    const iterator = server.client().chatStream({ model: "gpt-4o", messages }, { signal: controller.signal });
    expect((await iterator.next()).value!.choices[0].delta.content).toBe("a");
    expect((await iterator.next()).value!.choices[0].delta.content).toBe("b");
    controller.abort(reason);
    const error = await iterator.next().then(() => "resolved", (e: unknown) => e);
    expect(error).toBe(reason);
    expect(await within(server.seen[0]!.closed, 3000, "the server to see the close")).toEqual({ early: true });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  test("aborting while next() waits for data rejects that next() with the signal's reason, and the server sees the close", async () => {
    const server = await holdingServer();
    const controller = new AbortController();
    const reason = new Error("custom reason");
    const iterator = server.client().chatStream({ model: "gpt-4o", messages }, { signal: controller.signal });
    for (let i = 0; i < 3; i++) await iterator.next();
    const pending = iterator.next().then(() => "resolved", (e: unknown) => e);
    await delay(20);
    controller.abort(reason);
    expect(await within(pending, 3000, "next() to reject")).toBe(reason);
    expect(await within(server.seen[0]!.closed, 3000, "the server to see the close")).toEqual({ early: true });
  });

  test("a signal aborted before the first next() rejects with its reason and sends nothing", async () => {
    const server = await holdingServer();
    const reason = new Error("never mind");
    const iterator = server.client().completeStream({ model: "gpt-4o", prompt: "x" }, { signal: AbortSignal.abort(reason) });
    await expect(iterator.next()).rejects.toBe(reason);
    expect(server.seen).toHaveLength(0);
  });
});
