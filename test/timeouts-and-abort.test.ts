// timeoutMs bounds each attempt (head and body of a call; the head of a stream), the user's signal ends a call at
// once wherever it is (in flight, in a back-off wait, mid-stream), and no timer outlives a call: a process exits
// promptly after its last call, even with the default 10-minute timeout.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { ApiError, TimeoutError } from "../src/mod.ts";
import { chatChunk, clientsFor, HI, ok, pause, rejection, serveFor, type FaultServer, type Step, type StepFn } from "./fault-server.ts";

const KEY = "sk-timeouts-KEY-a8e2d4410f";
const SECRETS = [KEY];
const { openai } = clientsFor({ openai: KEY });
// Attempt time limits: generous enough that a loaded 2-core machine (other runtimes, parallel files) still
// connects well within them, so a request the client sent always reaches the server before its deadline.
const T = 500;
/** Resolves once the server has received `n` requests. */
async function arrived(s: FaultServer, n: number) {
  while (s.requests.length < n) await pause(5);
}

describe.concurrent("timeouts", () => {
  test("a server slower than timeoutMs: TimeoutError after 1 + maxRetries attempts", async (t) => {
    const s = await serveFor(t, [{ action: "hang" }, { action: "hang" }, ok()]);
    const started = Date.now();
    const e = await rejection(openai(s, { timeoutMs: T, maxRetries: 1 }).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(TimeoutError);
    t.expect(s.requests).toHaveLength(2);
    // The first attempt was given its T ms, then the back-off (≥ 375 ms) passed, then the second its T ms.
    t.expect(s.requests[1]!.at - started).toBeGreaterThanOrEqual(T + 375 - 2);
    t.expect(Date.now() - started).toBeGreaterThanOrEqual(T + 375 + T - 2);
  });

  test("slow once, then quick: the timed-out attempt is retried to success (2 requests)", async (t) => {
    const s = await serveFor(t, [{ ...ok("late"), delayMs: 5 * T }, ok("on time")]);
    const reply = await openai(s, { timeoutMs: T }).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("on time");
    t.expect(s.requests).toHaveLength(2);
  });

  test("the body counts: a head on time and a body that never comes is a TimeoutError", async (t) => {
    const s = await serveFor(t, [{ ...ok(), bodyDelayMs: Infinity }, ok()]);
    const e = await rejection(openai(s, { timeoutMs: T, maxRetries: 0 }).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(TimeoutError);
    t.expect(s.requests).toHaveLength(1);
  });

  test("timeoutMs is per attempt, not per call: three 300 ms attempts under a 700 ms timeout succeed", async (t) => {
    const slow503: Step = { status: 503, headers: { "retry-after-ms": "5" }, body: { error: { message: "busy" } }, delayMs: 300 };
    const s = await serveFor(t, [slow503, slow503, { ...ok("third"), delayMs: 300 }]);
    const reply = await openai(s, { timeoutMs: 700 }).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("third");
    t.expect(s.requests).toHaveLength(3);
  });

  test("a per-call timeoutMs overrides the client's", async (t) => {
    const s = await serveFor(t, [{ action: "hang" }, ok()]);
    const e = await rejection(openai(s, { timeoutMs: 60_000 }).chat(HI, { timeoutMs: T, maxRetries: 0 }), SECRETS);
    t.expect(e).toBeInstanceOf(TimeoutError);
    t.expect(s.requests).toHaveLength(1);
  });

  test("an error answer whose body never comes: the attempt ends in TimeoutError", async (t) => {
    const s = await serveFor(t, [{ status: 503, headers: { "retry-after-ms": "5" }, body: { error: { message: "busy" } }, bodyDelayMs: Infinity }, ok()]);
    const e = await rejection(openai(s, { timeoutMs: T, maxRetries: 0 }).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(TimeoutError);
    t.expect(s.requests).toHaveLength(1);
  });

  test("a stream whose head is slower than timeoutMs: TimeoutError after the retries", async (t) => {
    const late: Step = { sse: [chatChunk("late"), "[DONE]"], delayMs: 5 * T };
    const s = await serveFor(t, [late, late, late]);
    const stream = openai(s, { timeoutMs: T, maxRetries: 1 }).chatStream(HI);
    const e = await rejection(stream.next(), SECRETS);
    t.expect(e).toBeInstanceOf(TimeoutError);
    t.expect(s.requests).toHaveLength(2);
  });

  test("timeoutMs bounds a stream's first byte only: a stream that lasts longer completes", async (t) => {
    const s = await serveFor(t, [{ sse: [chatChunk("a"), chatChunk("b"), chatChunk("c"), chatChunk("d", "stop"), "[DONE]"], sseDelayMs: T / 2 }]);
    let text = "";
    const started = Date.now();
    for await (const chunk of openai(s, { timeoutMs: T }).chatStream(HI)) text += chunk.choices[0]?.delta?.content ?? "";
    t.expect(text).toBe("abcd");
    t.expect(Date.now() - started).toBeGreaterThanOrEqual(4 * (T / 2) - 5); // longer than timeoutMs, and not cut
    t.expect(s.requests).toHaveLength(1);
  });
});

describe.concurrent("abort", () => {
  test("a signal aborted before the call: rejects with its reason, no request", async (t) => {
    const s = await serveFor(t, [ok()]);
    const reason = new Error("changed my mind");
    const e = await rejection(openai(s).chat(HI, { signal: AbortSignal.abort(reason) }), SECRETS);
    t.expect(e).toBe(reason);
    t.expect(s.requests).toHaveLength(0);
  });

  test("abort while the request is in flight: rejects at once with the reason, not retried", async (t) => {
    const s = await serveFor(t, [{ action: "hang" }, ok()]);
    const controller = new AbortController();
    const call = openai(s).chat(HI, { signal: controller.signal });
    await arrived(s, 1);
    const reason = new Error("user left");
    const abortedAt = Date.now();
    controller.abort(reason);
    t.expect(await rejection(call, SECRETS)).toBe(reason);
    t.expect(Date.now() - abortedAt).toBeLessThan(375); // less than any back-off: nothing was waited for
    await pause(100);
    t.expect(s.requests).toHaveLength(1);
  });

  test("abort during a back-off wait: rejects at once (not after the 5 s wait), no further request", async (t) => {
    const s = await serveFor(t, [{ status: 429, headers: { "retry-after-ms": "5000" }, body: { error: { message: "slow down" } } }, ok()]);
    const controller = new AbortController();
    const call = openai(s).chat(HI, { signal: controller.signal });
    await arrived(s, 1);
    await pause(100); // the 429 is in, the client is waiting
    const abortedAt = Date.now();
    controller.abort();
    const e = await rejection(call, SECRETS);
    t.expect(e).toBeInstanceOf(DOMException);
    t.expect(e.name).toBe("AbortError");
    t.expect(Date.now() - abortedAt).toBeLessThan(1000);
    await pause(100);
    t.expect(s.requests).toHaveLength(1);
  });

  test("abort while a retryable error's body is still coming: rejects at once, no further request", async (t) => {
    const s = await serveFor(t, [{ status: 503, headers: { "retry-after-ms": "3000" }, body: { error: { message: "busy" } }, bodyDelayMs: Infinity }, ok()]);
    const controller = new AbortController();
    const call = openai(s).chat(HI, { signal: controller.signal });
    await arrived(s, 1);
    await pause(100); // the 503's head is in, its body is not
    const reason = new Error("user left");
    const abortedAt = Date.now();
    controller.abort(reason);
    t.expect(await rejection(call, SECRETS)).toBe(reason);
    t.expect(Date.now() - abortedAt).toBeLessThan(1000); // not after the 3 s the 503 asked for
    t.expect(s.requests).toHaveLength(1);
  });

  test("abort mid-stream: the iteration rejects with the reason after the chunks so far, 1 request", async (t) => {
    const s = await serveFor(t, [{ sse: [chatChunk("a"), chatChunk("b"), chatChunk("c"), "[DONE]"], sseDelayMs: 150 }]);
    const controller = new AbortController();
    const reason = new Error("enough");
    const got: string[] = [];
    const e = await rejection(
      (async () => {
        for await (const chunk of openai(s).chatStream(HI, { signal: controller.signal })) {
          got.push(chunk.choices[0]?.delta?.content ?? "");
          controller.abort(reason);
        }
      })(),
      SECRETS,
    );
    t.expect(e).toBe(reason);
    t.expect(got).toEqual(["a"]);
    t.expect(s.requests).toHaveLength(1);
  });

  test("a signal that never fires does not stop the timeout, and a timeout is not reported as an abort", async (t) => {
    const s = await serveFor(t, [{ action: "hang" }]);
    const controller = new AbortController();
    const e = await rejection(openai(s, { timeoutMs: T, maxRetries: 0 }).chat(HI, { signal: controller.signal }), SECRETS);
    t.expect(e).toBeInstanceOf(TimeoutError);
    t.expect(s.requests).toHaveLength(1);
  });
});

// The child imports the built library (dist/mod.js) and makes one kind of call with the default 600000 ms timeout.
const CHILD = `
const { createClient } = await import(process.env.LIB);
const client = createClient({ provider: "openai", apiKey: "sk-exit-KEY", baseURL: process.env.BASE + "/v1" });
const hi = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };
let result = "";
try {
  switch (process.env.SCENARIO) {
    case "chat":
    case "retried":
    case "failed":
      result = (await client.chat(hi)).choices[0].message.content;
      break;
    case "aborted":
    case "aborted-in-back-off": {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("gave up")), 100);
      await client.chat(hi, { signal: controller.signal });
      break;
    }
    case "stream":
      for await (const chunk of client.chatStream(hi)) result += chunk.choices[0]?.delta?.content ?? "";
      break;
    case "stream-break":
      for await (const chunk of client.chatStream(hi)) {
        result = chunk.choices[0].delta.content;
        break;
      }
      break;
    case "embedMany": {
      const { embeddings } = await client.embedMany({ model: "e", input: ["a", "b", "c"], batchSize: 2 });
      result = JSON.stringify(embeddings);
      break;
    }
  }
} catch (e) {
  result = e.name + ": " + e.message;
}
console.log(JSON.stringify({ result, end: Date.now() }));
`;

const embeddingsFor: StepFn = (request) => {
  const input: string[] = JSON.parse(request.body).input;
  return { body: { object: "list", model: "e", data: input.map((text, index) => ({ object: "embedding", index, embedding: [text.charCodeAt(0)] })), usage: { prompt_tokens: 1, total_tokens: 1 } } };
};

const scenarios: [name: string, steps: (Step | StepFn)[], result: string][] = [
  ["chat", [ok("hello")], "hello"],
  ["retried", [{ status: 503, headers: { "retry-after-ms": "5" }, body: { error: { message: "busy" } } }, ok("after retry")], "after retry"],
  ["failed", [{ status: 400, body: { error: { message: "bad request" } } }], "ApiError: bad request"],
  ["aborted", [{ action: "hang" }], "Error: gave up"],
  ["aborted-in-back-off", [{ status: 429, headers: { "retry-after-ms": "30000" }, body: { error: { message: "slow down" } } }], "Error: gave up"],
  ["stream", [{ sse: [chatChunk("he"), chatChunk("llo", "stop"), "[DONE]"] }], "hello"],
  ["stream-break", [{ sse: [chatChunk("first"), chatChunk("second"), "[DONE]"], sseDelayMs: 50 }], "first"],
  ["embedMany", [embeddingsFor, embeddingsFor], "[[97],[98],[99]]"],
];

describe.concurrent("no timer outlives a call", () => {
  test.for(scenarios)("a process exits within 2 s of its last call: %s", async ([scenario, steps, expected], t) => {
    const s = await serveFor(t, steps);
    const env = { ...process.env, LIB: new URL("../dist/mod.js", import.meta.url).href, BASE: s.url, SCENARIO: scenario };
    // The child runs in the same runtime as the suite (node or bun FILE, deno run -A FILE).
    const file = join(mkdtempSync(join(tmpdir(), "exit-check-")), "child.mjs");
    writeFileSync(file, CHILD);
    const args = "Deno" in globalThis ? ["run", "-A", file] : [file];
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const guard = setTimeout(() => child.kill(), 12_000);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const exitedAt = Date.now();
    clearTimeout(guard);
    t.expect(err).toBe("");
    t.expect(code).toBe(0);
    const { result, end } = JSON.parse(out);
    t.expect(result).toBe(expected);
    t.expect(exitedAt - end).toBeLessThan(2000);
  });
});
