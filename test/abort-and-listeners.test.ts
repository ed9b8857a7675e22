// One long-lived signal shared by many calls: at most one listener on it at any time (so no
// MaxListenersExceededWarning however many calls wait on it), none left once they are over, and it is never
// combined with AbortSignal.any (which keeps every composite alive on Node 20). And an abort is honoured at once,
// even while the tokenProvider is still pending.
import { afterEach, describe, test } from "vitest";
import { ConnectionError, createClient } from "../src/mod.ts";
import { chatChunk, HI, ok, rejection, type Step } from "./fault-server.ts";
import { scripted, WAYS } from "./helpers/scripted.ts";

const KEY = "sk-listeners-KEY-2e4f6a8c";
const SECRETS = [KEY];

/** A signal whose "abort" listeners are counted: how many are registered now, and the most at once. */
function countedSignal() {
  const controller = new AbortController();
  const { signal } = controller;
  const counts = { now: 0, most: 0, added: 0 };
  const live = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  Object.assign(signal, {
    addEventListener(type: string, listener: EventListener, options?: AddEventListenerOptions) {
      if (type == "abort" && !live.has(listener)) {
        live.add(listener);
        counts.added++;
        counts.now = live.size;
        counts.most = Math.max(counts.most, counts.now);
      }
      add(type, listener, options);
    },
    removeEventListener(type: string, listener: EventListener, options?: EventListenerOptions) {
      if (type == "abort") live.delete(listener);
      counts.now = live.size;
      remove(type, listener, options);
    },
  });
  return { controller, signal, counts };
}

// Calls that combine the caller's signal with AbortSignal.any, recorded while a test runs.
const anyOriginal = AbortSignal.any;
afterEach(() => {
  AbortSignal.any = anyOriginal;
});
function watchAbortSignalAny(signal: AbortSignal) {
  const combined: number[] = [];
  AbortSignal.any = (signals: Iterable<AbortSignal>) => {
    const list = [...signals];
    if (list.includes(signal)) combined.push(list.length);
    return anyOriginal.call(AbortSignal, list);
  };
  return combined;
}

const busy = (ms: number): Step => ({ status: 429, headers: { "retry-after-ms": String(ms) }, body: { error: { message: "slow down" } } });

describe.each(WAYS)("one signal for many calls, over %s", (way) => {
  test("200 calls in turn, then 25 at once that all wait in a back-off: ≤ 1 listener at a time, 0 after", async (t) => {
    const { signal, counts } = countedSignal();
    const combined = watchAbortSignalAny(signal);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    t.onTestFinished(() => void process.off("warning", onWarning));
    // Each of the 25 concurrent calls (tagged x-call) is refused once with a short wait; its retry succeeds.
    const refused = new Set<unknown>();
    const s = await scripted(way, t, (request) => {
      const tag = request.headers["x-call"];
      if (tag === undefined || refused.has(tag)) return ok();
      refused.add(tag);
      return busy(30);
    });
    const client = createClient({ provider: "openai", apiKey: KEY, baseURL: s.url + "/v1", fetch: s.fetch });
    for (let i = 0; i < 200; i++) await client.chat(HI, { signal });
    t.expect(counts.now).toBe(0);
    const replies = await Promise.all(Array.from({ length: 25 }, (_, i) => client.chat(HI, { signal, headers: { "x-call": String(i) } })));
    t.expect(replies).toHaveLength(25);
    t.expect(s.requests).toHaveLength(250); // each of the 25 was refused once and waited
    t.expect(counts.most).toBe(1);
    t.expect(counts.now).toBe(0);
    t.expect(combined).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 10)); // warnings are emitted on a later tick
    t.expect(warnings.filter((name) => name == "MaxListenersExceededWarning")).toEqual([]);
  });

  test("streams on one signal: ≤ 1 listener while they run, 0 once they end (done, break, error)", async (t) => {
    const { signal, counts } = countedSignal();
    const combined = watchAbortSignalAny(signal);
    const stream: Step = { sse: [chatChunk("a"), chatChunk("b", "stop"), "[DONE]"] };
    const s = await scripted(way, t, [stream, stream, stream, { status: 400, body: { error: { message: "no" } } }]);
    const client = createClient({ provider: "openai", apiKey: KEY, baseURL: s.url + "/v1", fetch: s.fetch });
    let text = "";
    for await (const chunk of client.chatStream(HI, { signal })) text += chunk.choices[0]?.delta?.content;
    t.expect(text).toBe("ab");
    t.expect(counts.now).toBe(0);
    const [a, b] = [client.chatStream(HI, { signal }), client.chatStream(HI, { signal })];
    await Promise.all([a.next(), b.next()]);
    // A stream lets go of the signal as soon as its end has been read, which may be before its last chunk is taken.
    t.expect(counts.now).toBeLessThanOrEqual(1);
    await a.return();
    t.expect(counts.now).toBeLessThanOrEqual(1);
    await b.return();
    t.expect(counts.now).toBe(0);
    await rejection(client.chatStream(HI, { signal }).next(), SECRETS);
    t.expect(counts.now).toBe(0);
    t.expect(counts.most).toBe(1);
    t.expect(combined).toEqual([]);
  });

  test("a stream cut before its end lets go of the signal too: 0 listeners after its ConnectionError", async (t) => {
    const { signal, counts } = countedSignal();
    const cut: Step = { sse: [chatChunk("a"), chatChunk("b")] };
    const s = await scripted(way, t, [cut, cut]);
    const client = createClient({ provider: "openai", apiKey: KEY, baseURL: s.url + "/v1", fetch: s.fetch });
    for (let round = 0; round < 2; round++) {
      const seen: string[] = [];
      const failure = await (async () => {
        for await (const chunk of client.chatStream(HI, { signal })) seen.push(chunk.choices[0]?.delta?.content ?? "");
      })().catch((error) => error);
      t.expect(seen).toEqual(["a", "b"]);
      t.expect(failure).toBeInstanceOf(ConnectionError);
      t.expect(counts.now).toBe(0);
    }
  });
});

describe.each(WAYS)("abort, over %s", (way) => {
  test.concurrent("an abort while the tokenProvider is pending rejects at once with the reason; nothing is sent", async (t) => {
    const s = await scripted(way, t, [ok()]);
    const controller = new AbortController();
    let asked = 0;
    const never = new Promise<string>(() => {});
    const client = createClient({ provider: "azure", endpoint: s.url, apiVersion: "2024-10-21", fetch: s.fetch, tokenProvider: () => (asked++, never) });
    const call = client.chat(HI, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.expect(asked).toBe(1);
    const reason = new Error("the user left");
    controller.abort(reason);
    t.expect(await rejection(call, SECRETS)).toBe(reason);
    t.expect(s.requests).toHaveLength(0);
  });

  test.concurrent("a token that arrives after the abort is not used", async (t) => {
    const s = await scripted(way, t, [ok()]);
    const controller = new AbortController();
    let give: (token: string) => void = () => {};
    const client = createClient({
      provider: "openai",
      baseURL: s.url + "/v1",
      fetch: s.fetch,
      tokenProvider: () => new Promise<string>((resolve) => (give = resolve)),
    });
    const call = client.chat(HI, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    give("tok-listeners-late-1234");
    const e = await rejection(call, SECRETS);
    t.expect(e.name).toBe("AbortError");
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.expect(s.requests).toHaveLength(0);
  });
});
