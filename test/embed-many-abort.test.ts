// embedMany and AbortSignal over real HTTP: the call rejects with the signal's reason (the same value), in-flight
// requests are cancelled, and no request is sent after the abort. Requests are counted where they leave the client
// (an injected fetch wrapping the global one) and where they arrive (the emulator).
import { afterEach, expect, test } from "vitest";
import { createClient, type FetchLike } from "../src/mod.ts";
import { createEmulator, type EmulatorOptions, serve } from "../src/testing.ts";

const texts = (n: number) => Array.from({ length: n }, (_, i) => `text ${i}`);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface Sent {
  signal: AbortSignal;
  afterAbort: boolean;
  settled: boolean;
}

/**
 * The emulator on loopback, and clients whose every fetch is logged against the caller's signal. `arrived(n)` runs
 * when the server receives its n-th request, before the emulator answers (after `latencyMs`).
 */
async function setup(options: EmulatorOptions, caller: AbortController, arrived?: (n: number) => void) {
  const emulator = createEmulator({ deployments: { ada16: { maxInputs: 16 }, ada1: { maxInputs: 1 } }, ...options });
  let count = 0;
  const server = await serve((request) => {
    arrived?.(++count);
    return emulator.handle(request);
  });
  servers.push(server);
  const sent: Sent[] = [];
  const fetchLogged: FetchLike = (url, init) => {
    const entry: Sent = { signal: init.signal!, afterAbort: caller.signal.aborted, settled: false };
    sent.push(entry);
    return fetch(url, init).finally(() => (entry.settled = true));
  };
  return {
    emulator,
    sent,
    openai: () => createClient({ provider: "openai", apiKey: "sk-test", baseURL: server.url + "/v1", fetch: fetchLogged }),
    azure: () => createClient({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21", apiKey: "azure-key", fetch: fetchLogged }),
  };
}

test("an already-aborted signal sends nothing and rejects with its reason", async () => {
  const caller = new AbortController();
  const reason = { why: "user went away" };
  caller.abort(reason);
  const t = await setup({}, caller);
  for (const client of [t.openai(), t.azure()]) {
    await expect(client.embedMany({ model: "ada16", input: texts(40) }, { signal: caller.signal })).rejects.toBe(reason);
  }
  // With no reason given, the reason is the signal's own AbortError.
  const plain = new AbortController();
  plain.abort();
  await expect(t.openai().embedMany({ model: "m", input: texts(3) }, { signal: plain.signal })).rejects.toBe(plain.signal.reason);
  await wait(20);
  expect(t.sent).toHaveLength(0);
  expect(t.emulator.requests).toHaveLength(0);
});

test("aborted from onProgress: rejects with the reason, and no request is sent after the abort", async () => {
  const caller = new AbortController();
  const reason = new Error("enough");
  const t = await setup({}, caller);
  const progress: number[] = [];
  const result = t.openai().embedMany(
    {
      model: "m",
      input: texts(50),
      dimensions: 4,
      batchSize: 10,
      concurrency: 1,
      onProgress: (done) => {
        progress.push(done);
        if (done == 20) caller.abort(reason);
      },
    },
    { signal: caller.signal },
  );
  await expect(result).rejects.toBe(reason);
  expect(progress).toEqual([10, 20]);
  expect(t.sent).toHaveLength(2);
  await wait(50);
  expect(t.sent).toHaveLength(2);
  expect(t.sent.filter((s) => s.afterAbort)).toHaveLength(0);
  expect(t.emulator.requests).toHaveLength(2);
});

test("aborted from onProgress during Azure's one-input-per-call fallback: nothing more is sent", async () => {
  const caller = new AbortController();
  const reason = { stop: true };
  const t = await setup({}, caller);
  const result = t.azure().embedMany(
    { model: "ada1", input: texts(10), dimensions: 4, concurrency: 1, onProgress: (done) => done == 3 && caller.abort(reason) },
    { signal: caller.signal },
  );
  await expect(result).rejects.toBe(reason);
  await wait(50);
  expect(t.sent).toHaveLength(1 + 3); // the failing probe, then three single inputs
  expect(t.emulator.requests.map((r) => (r.body as { input: string[] }).input.length)).toEqual([10, 1, 1, 1]);
});

test("aborted while calls are in flight: rejects at once with the reason, cancels them, sends nothing more", async () => {
  const caller = new AbortController();
  const reason = new Error("timer");
  let sentAtAbort = -1;
  let unsettledAtAbort: Sent[] = [];
  // Abort shortly after the third request reaches the server, while it waits out its latency.
  const t = await setup({ latencyMs: 200 }, caller, (n) => {
    if (n == 3)
      setTimeout(() => {
        sentAtAbort = t.sent.length;
        unsettledAtAbort = t.sent.filter((s) => !s.settled);
        caller.abort(reason);
      }, 5);
  });
  const error = await t.openai().embedMany({ model: "m", input: texts(40), dimensions: 4, batchSize: 1, concurrency: 2 }, { signal: caller.signal }).catch((e) => e);
  expect(error).toBe(reason);
  // The server is still working on the cancelled calls: the rejection did not wait for them.
  expect(t.emulator.stats.inFlight).toBeGreaterThan(0);
  expect(sentAtAbort).toBeGreaterThanOrEqual(3);
  expect(sentAtAbort).toBeLessThan(40);
  expect(unsettledAtAbort.length).toBeGreaterThan(0);
  for (const s of unsettledAtAbort) expect(s.signal.aborted).toBe(true);
  await wait(100);
  expect(t.sent).toHaveLength(sentAtAbort);
  expect(t.sent.filter((s) => s.afterAbort)).toHaveLength(0);
  expect(t.emulator.requests.length).toBeLessThanOrEqual(sentAtAbort);
});

test("aborted during Azure's probe: the fallback never starts", async () => {
  const caller = new AbortController();
  const reason = new Error("during probe");
  const t = await setup({ latencyMs: 200 }, caller, (n) => n == 1 && setTimeout(() => caller.abort(reason), 5));
  await expect(t.azure().embedMany({ model: "ada16", input: texts(100), concurrency: 4 }, { signal: caller.signal })).rejects.toBe(reason);
  expect(t.emulator.stats.inFlight).toBe(1);
  await wait(100);
  expect(t.sent).toHaveLength(1);
  expect(t.sent[0]!.signal.aborted).toBe(true);
  expect(t.emulator.requests).toHaveLength(1);
});
