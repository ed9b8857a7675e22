// Connections that break: reset, refused, a body cut short, a body that is not JSON, a stream cut mid-way.
// Each ends in a ConnectionError (with the network error as `cause`) after the retries, or in a retried success.
import { describe, test } from "vitest";
import { ApiError, ConnectionError, type FetchLike } from "../src/mod.ts";
import { chatChunk, chatCompletion, clientsFor, HI, ok, refusedPort, rejection, serveFor, type Step } from "./fault-server.ts";

const KEY = "sk-broken-KEY-3c9a1f22e0";
const SECRETS = [KEY];
const { openai } = clientsFor({ openai: KEY });

/** Collects a stream's chunk contents until it ends or throws. */
async function drain(stream: AsyncIterable<{ choices: { delta?: { content?: string | null } }[] }>) {
  const got: string[] = [];
  try {
    for await (const chunk of stream) got.push(chunk.choices[0]?.delta?.content ?? "");
  } catch (error) {
    return { got, error };
  }
  return { got, error: undefined };
}

describe.concurrent("broken connections", () => {
  test("a connection reset three times: ConnectionError after 3 requests, the network error as cause", async (t) => {
    const s = await serveFor(t, [{ action: "reset" }, { action: "reset" }, { action: "reset" }, ok()]);
    const e = await rejection(openai(s).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ConnectionError);
    t.expect(e.cause).toBeInstanceOf(Error);
    t.expect(s.requests).toHaveLength(3);
  });

  test("a reset, then an answer: retried to success in 2 requests", async (t) => {
    const s = await serveFor(t, [{ action: "reset" }, ok("after reset")]);
    const reply = await openai(s).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("after reset");
    t.expect(s.requests).toHaveLength(2);
  });

  test("a refused port: ConnectionError after 1 + maxRetries attempts, with cause", async (t) => {
    const port = await refusedPort();
    let attempts = 0;
    const counting: FetchLike = (url, init) => {
      attempts++;
      return fetch(url, init);
    };
    const e = await rejection(openai({ url: `http://127.0.0.1:${port}` }, { fetch: counting, maxRetries: 2 }).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ConnectionError);
    t.expect(e.cause).toBeInstanceOf(Error);
    // Node and Bun: a TypeError caused by (or carrying) code ECONNREFUSED; Deno: "... Connection refused (os error 111)".
    const reason = e.cause?.cause?.code ?? e.cause?.code ?? String(e.cause?.cause ?? e.cause);
    t.expect(reason).toMatch(/ECONNREFUSED|Connection refused/);
    t.expect(attempts).toBe(3);
  });

  test("a 200 whose JSON body is cut short: ConnectionError with the status, not retried (it was billed), 1 request", async (t) => {
    const s = await serveFor(t, [{ action: "truncate", headers: { "retry-after-ms": "5" }, body: chatCompletion("lost") }, ok("again")]);
    const e = await rejection(openai(s).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ConnectionError);
    t.expect(e.status).toBe(200);
    t.expect(e.cause).toBeInstanceOf(Error);
    t.expect(e.message).toMatch(new RegExp(`^POST ${s.url}/v1/chat/completions failed: the 200 answer's body broke: `));
    t.expect(s.requests).toHaveLength(1);
  });

  test("a 200 whose whole body is not JSON: ConnectionError with status, body text and SyntaxError, not retried", async (t) => {
    const text = '{"id":"chatcmpl-x","choices":[';
    const bad: Step = { headers: { "content-type": "application/json", "retry-after-ms": "5" }, body: text };
    const s = await serveFor(t, [bad, ok()]);
    const e = await rejection(openai(s).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ConnectionError);
    t.expect(e).toMatchObject({ status: 200, body: text, message: `POST ${s.url}/v1/chat/completions: the 200 answer is not JSON` });
    t.expect(e.cause).toBeInstanceOf(SyntaxError);
    t.expect(s.requests).toHaveLength(1);
  });

  test("a stream cut mid-way: the chunks sent, then ConnectionError; a started stream is not retried (1 request)", async (t) => {
    const s = await serveFor(t, [{ sse: [chatChunk("Hel"), chatChunk("lo")], action: "cut" }, { sse: [chatChunk("again"), "[DONE]"] }]);
    const { got, error } = await drain(openai(s).chatStream(HI));
    t.expect(got).toEqual(["Hel", "lo"]);
    t.expect(error).toBeInstanceOf(ConnectionError);
    await rejection(Promise.reject(error), SECRETS);
    t.expect(s.requests).toHaveLength(1);
  });

  test("a stream that ends cleanly but without [DONE]: ConnectionError, not a short answer", async (t) => {
    const s = await serveFor(t, [{ sse: [chatChunk("Hel"), chatChunk("lo")] }]);
    const { got, error } = await drain(openai(s).chatStream(HI));
    t.expect(got).toEqual(["Hel", "lo"]);
    t.expect(error).toBeInstanceOf(ConnectionError);
    t.expect(s.requests).toHaveLength(1);
  });

  test("a stream refused with 503, then served: retried before the first chunk, 2 requests", async (t) => {
    const s = await serveFor(t, [
      { status: 503, headers: { "retry-after-ms": "5" }, body: { error: { message: "busy" } } },
      { sse: [chatChunk("Hel"), chatChunk("lo", "stop"), "[DONE]"] },
    ]);
    const { got, error } = await drain(openai(s).chatStream(HI));
    t.expect(error).toBeUndefined();
    t.expect(got).toEqual(["Hel", "lo"]);
    t.expect(s.requests).toHaveLength(2);
    t.expect(s.requests.map((r) => r.headers.accept)).toEqual(["text/event-stream", "text/event-stream"]);
  });

  test("an error event mid-stream: ApiError after the chunks before it, 1 request", async (t) => {
    const s = await serveFor(t, [{ sse: [chatChunk("Hel"), { error: { message: "The server had an error", type: "server_error" } }] }]);
    const { got, error } = await drain(openai(s).chatStream(HI));
    t.expect(got).toEqual(["Hel"]);
    t.expect(error).toBeInstanceOf(ApiError);
    t.expect(error).toMatchObject({ status: 200, message: "The server had an error", type: "server_error" });
    t.expect(s.requests).toHaveLength(1);
  });
});
