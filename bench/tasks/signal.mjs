// Issue 10: memory of many calls sharing ONE long-lived AbortSignal, in-process (no network: an injected fetch
// that answers at once with a fixed Response), so that only what the client keeps per call can grow the heap.
//   switch    openai-switch `client.chat(request, { signal })` with `fetch: fixedFetch`
//   raw       a hand-written call: `fixedFetch(url, { signal })` + `res.json()` (the baseline)
//   raw-any   the same, with `AbortSignal.any([signal, timeout.signal])` per call: what a per-call timeout
//             composed the obvious way costs on this Node (context, to tell the platform's share from the client's)
// Then `concurrent` calls in flight at once on the same signal (chat and chatStream for openai-switch): the
// scenario checks stderr for MaxListenersExceededWarning. Heap is measured after two forced GCs (--expose-gc).
import { KEYS } from "../clients.mjs";
import { library } from "../lib/measure.mjs";

const BASE = "http://bench.invalid/v1";
const REQUEST = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };
const REPLY = JSON.stringify({
  id: "chatcmpl-bench1",
  object: "chat.completion",
  created: 1_700_000_000,
  model: "gpt-4o-2024-08-06",
  choices: [{ index: 0, message: { role: "assistant", content: "Hello", refusal: null }, finish_reason: "stop", logprobs: null }],
  usage: { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 },
});
const STREAM = `data: ${JSON.stringify({ id: "chatcmpl-bench1", object: "chat.completion.chunk", created: 1_700_000_000, model: "gpt-4o", choices: [{ index: 0, delta: { content: "Hello" }, finish_reason: null }] })}\n\ndata: [DONE]\n\n`;

/**
 * The injected fetch: a fixed 200 at once. With `gate`, every answer waits for it, so that many calls are in
 * flight together (the concurrent phase).
 */
const fixedFetch = (gate) => async (url, init) => {
  if (gate) await gate.promise;
  init?.signal?.throwIfAborted();
  const stream = typeof init?.body == "string" && init.body.includes('"stream":true');
  return new Response(stream ? STREAM : REPLY, { status: 200, headers: { "content-type": stream ? "text/event-stream" : "application/json" } });
};

const heapAfterGC = async () => {
  for (let i = 0; i < 2; i++) {
    globalThis.gc();
    // Let finalizers and weak references settle between collections.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed / 1e6;
};

const deferred = () => {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
};

async function contender(name) {
  if (name == "switch") {
    const { createClient } = await library();
    const make = (fetch) => createClient({ provider: "openai", apiKey: KEYS.openai, baseURL: BASE, fetch });
    const client = make(fixedFetch());
    return {
      call: (signal) => client.chat(REQUEST, { signal }),
      concurrent: async (signal, n) => {
        const gate = deferred();
        const gated = make(fixedFetch(gate));
        const drain = async (stream) => {
          for await (const _ of stream);
        };
        const calls = [];
        for (let i = 0; i < n; i++) calls.push(gated.chat(REQUEST, { signal }), drain(gated.chatStream(REQUEST, { signal })));
        await new Promise((resolve) => setTimeout(resolve, 10));
        gate.resolve();
        await Promise.all(calls);
        return calls.length;
      },
    };
  }
  const headers = { "content-type": "application/json", authorization: "Bearer " + KEYS.openai };
  const body = JSON.stringify(REQUEST);
  const callWith = (fetch, compose) => async (signal) => {
    let timer;
    let callSignal = signal;
    if (compose) {
      const timeout = new AbortController();
      timer = setTimeout(() => timeout.abort(), 600_000);
      callSignal = AbortSignal.any([signal, timeout.signal]);
    }
    try {
      const res = await fetch(BASE + "/chat/completions", { method: "POST", headers, body, signal: callSignal });
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  };
  const compose = name == "raw-any";
  if (name != "raw" && !compose) throw new Error("unknown contender " + name);
  return {
    call: callWith(fixedFetch(), compose),
    concurrent: async (signal, n) => {
      const gate = deferred();
      const call = callWith(fixedFetch(gate), compose);
      const calls = Array.from({ length: n }, () => call(signal));
      await new Promise((resolve) => setTimeout(resolve, 10));
      gate.resolve();
      await Promise.all(calls);
      return calls.length;
    },
  };
}

export async function signal({ client: name, calls, warmup, concurrent, samples = 4 }) {
  const warnings = [];
  process.on("warning", (w) => warnings.push(w.name));
  const c = await contender(name);
  const controller = new AbortController();
  const { signal } = controller;
  for (let i = 0; i < warmup; i++) await c.call(signal);
  const heapStartMB = await heapAfterGC();
  const curve = [];
  const t0 = performance.now();
  for (let i = 1; i <= calls; i++) {
    const reply = await c.call(signal);
    if (i == 1 && reply?.choices?.[0]?.message?.content != "Hello") throw new Error("unexpected reply " + JSON.stringify(reply).slice(0, 200));
    if (i % Math.ceil(calls / samples) == 0 || i == calls) curve.push({ calls: i, heapMB: (await heapAfterGC()) - heapStartMB });
  }
  const wallMs = performance.now() - t0;
  const heapEndMB = await heapAfterGC();
  const inFlight = await c.concurrent(signal, concurrent);
  // A warning is emitted on the next tick: give it one.
  await new Promise((resolve) => setTimeout(resolve, 10));
  return {
    calls,
    heapStartMB,
    heapEndMB,
    heapGrowthMB: heapEndMB - heapStartMB,
    bytesPerCall: ((heapEndMB - heapStartMB) * 1e6) / calls,
    curve,
    concurrentCalls: inFlight,
    warnings,
    wallMs,
  };
}
