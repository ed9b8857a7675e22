// embedMany under rate limits, over real HTTP to scripted servers: a 429 pauses every call of the job for the
// service's wait, the job goes on with half the calls in flight and grows back; the throttled batch is retried; a
// rate-limited job finishes; a service that answers nothing but 429 ends the job in bounded time. Calls are logged
// by an injected fetch wrapping the global one (start time, calls pending at start).
import { expect, test, vi } from "vitest";
import { ApiError } from "../src/mod.ts";
import { expectVectors } from "./embed-helpers.ts";
import { bodyOf, clientsFor, failure, type Recorded, serveFor, type Step } from "./fault-server.ts";
import { answer, loggingFetch, serviceFetch } from "./helpers/embeddings-service.ts";

const { openai, azure } = clientsFor({ openai: "sk-rate-KEY-41c2", azure: "azure-rate-KEY-93de" });
const MODEL = "text-embedding-3-small";
const texts = (n: number) => Array.from({ length: n }, (_, i) => `rate ${i}`);
const ok = (request: Recorded): Step => answer(bodyOf(request), { provider: "openai" }) as Step;
const tooMany = (headers: Record<string, string>) =>
  failure(429, { headers, message: "Rate limit reached. Please try again later.", code: "429" });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a 429 pauses every call for the service's wait, then half the calls go, growing back to concurrency", async (t) => {
  // Probe, then 4 calls at once: the first of them is throttled (retry-after-ms 600), the other three are held
  // until 200 ms after the 429 (so they end during the pause). No call may start before the pause is over.
  const PAUSE = 600;
  let throttledAt = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const s = await serveFor(t, async (request, index) => {
    if (index == 1) {
      throttledAt = Date.now();
      setTimeout(release, 200);
      return tooMany({ "retry-after-ms": String(PAUSE) });
    }
    if (index >= 2 && index <= 4) await held;
    return { ...ok(request), delayMs: 30 };
  });
  const log = loggingFetch();
  const input = texts(60);
  const result = await azure(s, { fetch: log.fetch }).embedMany({
    model: MODEL,
    input,
    batchSize: 1,
    concurrency: 4,
    format: "float32",
  });

  expectVectors(result.embeddings, input, 4, "float32");
  expect(result.requests).toBe(61); // 60 inputs + the throttled call, retried once
  // The throttled input was sent twice: once refused, once retried after the pause.
  const throttled = log.started[1]!.first;
  expect(log.started.filter((c) => c.first == throttled)).toHaveLength(2);
  // Nothing started during the pause: every call after the first five arrived after the hinted wait.
  const after = s.requests.slice(5);
  for (const request of after) expect(request.at).toBeGreaterThanOrEqual(throttledAt + PAUSE - 2);
  // Half the calls in flight after the pause (the client's own count, taken at each start) ...
  const resumed = log.started.slice(5);
  expect(resumed[0]!.pendingAtStart).toBeLessThanOrEqual(2);
  expect(resumed[1]!.pendingAtStart).toBeLessThanOrEqual(2);
  expect(Math.max(...resumed.slice(0, 3).map((c) => c.pendingAtStart))).toBeLessThanOrEqual(3);
  // ... growing back by one after each run of successes, never above concurrency.
  expect(Math.max(...log.started.map((c) => c.pendingAtStart))).toBeLessThanOrEqual(4);
  expect(Math.max(...resumed.slice(-20).map((c) => c.pendingAtStart))).toBe(4);
});

test("a rate-limited job finishes: five 429s in a row (send alone would give up after three) and the job still completes", async (t) => {
  const s = await serveFor(t, (request, index) =>
    index >= 1 && index <= 5 ? tooMany({ "retry-after-ms": "5" }) : ok(request),
  );
  const input = texts(12);
  const progress: number[] = [];
  const result = await openai(s).embedMany({
    model: MODEL,
    input,
    batchSize: 3,
    concurrency: 1,
    onProgress: (done) => progress.push(done),
  });
  expectVectors(result.embeddings, input, 4, "number");
  expect(result.requests).toBe(4 + 5);
  expect(progress).toEqual([3, 6, 9, 12]);
  // The throttled batch was retried until it went through, and nothing else was sent in between.
  expect(s.requests.slice(1, 7).map((r) => bodyOf(r).input)).toEqual(Array(6).fill(input.slice(3, 6)));
});

test("nothing but 429s: the job ends with the ApiError on the 7th 429 in a row (6 pauses), one call at a time", async (t) => {
  const s = await serveFor(t, () => tooMany({ "retry-after-ms": "5" }));
  const progress: number[] = [];
  const error = await openai(s)
    .embedMany({ model: MODEL, input: texts(50), concurrency: 1, onProgress: (d) => progress.push(d) })
    .catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 429, message: "Rate limit reached. Please try again later." });
  expect(s.requests).toHaveLength(7);
  expect(progress).toEqual([]);
});

test("nothing but 429s at concurrency 8 on a known deployment: ends with the ApiError after a bounded number of calls", async (t) => {
  let healthy = true;
  const s = await serveFor(t, (request) => (healthy ? ok(request) : tooMany({ "retry-after-ms": "5" })));
  const log = loggingFetch();
  const client = azure(s, { fetch: log.fetch });
  await client.embedMany({ model: MODEL, input: texts(3) }); // the deployment is known: no probe next time
  healthy = false;
  const error = await client
    .embedMany({ model: MODEL, input: texts(400), batchSize: 1, concurrency: 8 })
    .catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(429);
  // 8 at first, then at most half as many after each of the 6 pauses (stale 429s of a burst do not count).
  const throttled = log.started.length - 1;
  expect(throttled).toBeGreaterThanOrEqual(7);
  expect(throttled).toBeLessThanOrEqual(8 + 4 + 2 + 1 + 1 + 1 + 1);
  await wait(50);
  expect(log.started.length - 1).toBe(throttled);
});

test("a 429 asking for more than a minute ends the job at once with its ApiError", async (t) => {
  const s = await serveFor(t, [(request) => ok(request), tooMany({ "retry-after": "120" })]);
  const error = await openai(s)
    .embedMany({ model: MODEL, input: texts(4), batchSize: 2, concurrency: 1 })
    .catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(429);
  expect(s.requests).toHaveLength(2);
});

test("without a hint the pause is a back-off, and the job still completes", async (t) => {
  const s = await serveFor(t, (request, index) => (index == 1 ? tooMany({}) : ok(request)));
  const input = texts(6);
  const result = await openai(s).embedMany({ model: MODEL, input, batchSize: 2, concurrency: 1 });
  expectVectors(result.embeddings, input, 4, "number");
  // A back-off of a few hundred ms, whatever its jitter: far above the 0 ms a missing hint must not become.
  expect(s.requests[2]!.at - s.requests[1]!.at).toBeGreaterThanOrEqual(100);
  expect(result.requests).toBe(4);
});

test("other failures keep send's retry rules: a 503 twice, then success, within one call; x-ratelimit-reset hints pace 429s", async (t) => {
  const s = await serveFor(t, (request, index) =>
    index == 1 || index == 2
      ? failure(503)
      : index == 4
        ? tooMany({ "x-ratelimit-reset-requests": "250ms" })
        : ok(request),
  );
  const input = texts(6);
  const result = await openai(s).embedMany({ model: MODEL, input, batchSize: 2, concurrency: 1 });
  expectVectors(result.embeddings, input, 4, "number");
  expect(s.requests.map((r) => bodyOf(r).input[0])).toEqual([
    "rate 0",
    "rate 2",
    "rate 2",
    "rate 2",
    "rate 4",
    "rate 4",
  ]);
  expect(s.requests[5]!.at - s.requests[4]!.at).toBeGreaterThanOrEqual(248);
});

test("an abort during a 429 pause rejects at once with its reason (not after the 30 s wait) and sends nothing more", async (t) => {
  const caller = new AbortController();
  const reason = new Error("stop while paused");
  const s = await serveFor(t, (request, index) => {
    if (index != 1) return ok(request);
    setTimeout(() => caller.abort(reason), 100);
    return tooMany({ "retry-after-ms": "30000" });
  });
  const log = loggingFetch(undefined, () => caller.signal.aborted);
  const run = openai(s, { fetch: log.fetch }).embedMany(
    { model: MODEL, input: texts(8), batchSize: 2, concurrency: 2 },
    { signal: caller.signal },
  );
  // Were the pause not cut short, this would outlast the test's 5 s timeout.
  await expect(run).rejects.toBe(reason);
  await wait(50);
  expect(log.started.filter((c) => c.afterAbort)).toEqual([]);
  expect(log.started.length).toBeLessThanOrEqual(3);
});

test("the pause is waited out even when the clock moves on between two looks at it (a clock that jumps 300 ms a read)", async () => {
  // With a fetch injected nothing else reads the clock: the job must take one reading per decision, or it can see
  // "paused" when deciding not to send and "not paused any more" when deciding how long to sleep, and never wake.
  let now = 1_000_000;
  const clock = vi.spyOn(Date, "now").mockImplementation(() => (now += 300));
  try {
    const service = serviceFetch({ provider: "openai" });
    let count = 0;
    const fetch = async (url: string, init: RequestInit) => {
      count++;
      if (count == 2)
        return Response.json(
          { error: { message: "Rate limit", type: "requests", code: "429" } },
          { status: 429, headers: { "retry-after-ms": "500" } },
        );
      return service(url, init);
    };
    const input = texts(6);
    const client = openai({ url: "http://service.test" }, { fetch });
    const result = await client.embedMany({ model: MODEL, input, batchSize: 2, concurrency: 1 });
    expectVectors(result.embeddings, input, 4, "number");
    expect(count).toBe(4);
  } finally {
    clock.mockRestore();
  }
});
