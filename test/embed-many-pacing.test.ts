// embedMany's pacing over real HTTP to the emulator, whose deployments here take a few requests (or tokens) per
// 1 s sliding window and say what is left in `x-ratelimit-remaining-*` on every answer: the job starts no call the
// service would refuse, so a rate-limited job meets at most one 429 per window it outgrows (the call that asks when
// to go on) where the same job blind to the headers meets several; nothing is lost, repeated or out of order.
// Then the pacer's arithmetic on OpenAI's headers (limit, remaining, reset), checked directly.
import { expect, test } from "vitest";
import type { FetchLike } from "../src/mod.ts";
import { Pacer } from "../src/pacing.ts";
import { expectVectors, serversClosedAfterEach } from "./embed-helpers.ts";
import { startEmulator } from "./helpers.ts";

const servers = serversClosedAfterEach();
const texts = (n: number) => Array.from({ length: n }, (_, i) => `paced ${i}`.padEnd(40, "."));

/** The global fetch, logging each answer's status; `blind` drops the rate-limit headers from every answer. */
function statusLog(blind = false) {
  const statuses: number[] = [];
  const fetchLogged: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    statuses.push(response.status);
    if (!blind) return response;
    const headers = new Headers(response.headers);
    for (const name of [...headers.keys()]) if (name.startsWith("x-ratelimit-")) headers.delete(name);
    return new Response(response.body, { status: response.status, headers });
  };
  return { fetch: fetchLogged, statuses, rateLimited: () => statuses.filter((status) => status == 429).length };
}

/** An Azure deployment `paced` that takes `limits` over any 1 s, answering after 20 ms. */
async function azureService(limits: { requestsPerMinute?: number; tokensPerMinute?: number }) {
  const s = await startEmulator({ latencyMs: 20, deployments: { paced: { ...limits, rateWindowMs: 1000 } } });
  servers.push(s);
  return s;
}

/** `n` one-input calls at concurrency 4 to `paced` through `fetch`; every vector checked in place. */
async function oneInputCalls(s: Awaited<ReturnType<typeof azureService>>, fetch: FetchLike, n: number) {
  const input = texts(n);
  const request = { model: "paced", input, batchSize: 1, concurrency: 4, format: "float32" } as const;
  const result = await s.azure({ fetch }).embedMany(request);
  expectVectors(result.embeddings, input, 1536, "float32");
  return result;
}

test("10 requests a second, 40 calls at concurrency 4: at most one 429 per window outgrown, all in place", async () => {
  const s = await azureService({ requestsPerMinute: 600 });
  const log = statusLog();
  const result = await oneInputCalls(s, log.fetch, 40);
  // 40 calls need 4 windows: 3 times the job asks when to go on, and the answer may be a 429 naming the wait.
  expect(log.rateLimited()).toBeLessThanOrEqual(3);
  expect(result.requests).toBe(40 + log.rateLimited());
  expect(log.statuses.filter((status) => status == 200)).toHaveLength(40);
});

test("the same job blind to the rate-limit headers meets more 429s than the paced one", async () => {
  const run = async (blind: boolean) => {
    const s = await azureService({ requestsPerMinute: 600 });
    const log = statusLog(blind);
    const input = texts(40);
    const client = s.azure({ fetch: log.fetch });
    const result = await client.embedMany({ model: "paced", input, batchSize: 1, concurrency: 4 });
    expectVectors(result.embeddings, input, 1536, "number");
    return log.rateLimited();
  };
  const paced = await run(false);
  const blind = await run(true);
  expect(paced).toBeLessThanOrEqual(3);
  expect(blind).toBeGreaterThan(paced);
});

test("a token rate: calls wait for x-ratelimit-remaining-tokens to cover them, in order, nothing lost", async () => {
  // 600 tokens a second; calls of 5 inputs of 10 tokens: 12 calls a window, 30 calls in all.
  const run = async (blind: boolean) => {
    const s = await azureService({ tokensPerMinute: 36_000 });
    const log = statusLog(blind);
    const input = texts(150);
    const batches: number[] = [];
    const result = await s.azure({ fetch: log.fetch }).embedMany({
      model: "paced",
      input,
      batchSize: 5,
      concurrency: 4,
      onBatch: (_, start) => void batches.push(start),
    });
    expectVectors(result.embeddings, input, 1536, "number");
    expect(batches).toEqual(Array.from({ length: 30 }, (_, i) => i * 5));
    expect(result.requests).toBe(30 + log.rateLimited());
    return log.rateLimited();
  };
  const paced = await run(false);
  const blind = await run(true);
  expect(paced).toBeLessThan(blind);
});

const openaiHeaders = (remaining: number, extra: Record<string, string> = {}) =>
  new Headers({
    "x-ratelimit-limit-requests": "100",
    "x-ratelimit-remaining-requests": String(remaining),
    "x-ratelimit-reset-requests": "6s",
    ...extra,
  });

test("pacer: the budget is what the newest answer says is left, less the calls started after that call", () => {
  const pacer = new Pacer();
  expect(pacer.wait(10, 0, 0)).toBeUndefined(); // nothing said yet: go
  const first = pacer.started(10, 0);
  const second = pacer.started(10, 0);
  pacer.answered(first, 200, openaiHeaders(1), 0); // one left, and `second` has taken it
  expect(pacer.wait(10, 1, 0)).toBe(Infinity); // wait for the call in flight to answer
  pacer.answered(second, 200, openaiHeaders(3), 0);
  expect(pacer.wait(10, 0, 0)).toBeUndefined();
});

test("pacer: the answer that comes last is the reading, even to a call that started first (it arrived later)", () => {
  // Azure's tokens: three calls of 50 leave together and reach the service in another order than they left.
  const pacer = new Pacer();
  const tokensLeft = (left: number) => new Headers({ "x-ratelimit-remaining-tokens": String(left) });
  const [a, b, c] = [pacer.started(50, 0), pacer.started(50, 0), pacer.started(50, 0)];
  pacer.answered(c, 200, tokensLeft(100), 10); // c arrived first
  pacer.answered(a, 200, tokensLeft(50), 11);
  pacer.answered(b, 200, tokensLeft(0), 12); // b arrived last: nothing is left
  expect(pacer.wait(50, 0, 12)).toBeUndefined(); // one call goes, to ask when to go on...
  expect(pacer.started(50, 12).asking).toBe(true);
  expect(pacer.wait(50, 1, 12)).toBe(Infinity); // ...and no other until it answers
});

test("pacer: spent, nothing in flight: OpenAI's reset (until the limit is whole) is shared over what is used", () => {
  const pacer = new Pacer();
  const ticket = pacer.started(10, 0);
  pacer.answered(ticket, 200, openaiHeaders(0), 1000);
  // 100 used, whole again in 6 s: one more request in 60 ms, counted from the answer.
  expect(pacer.wait(10, 0, 1000)).toBe(60);
  expect(pacer.wait(10, 0, 1050)).toBe(10);
  expect(pacer.wait(10, 0, 1060)).toBeUndefined();
  // Tokens likewise: 1000 of 10 000 left, a call of 4000 waits for 3000 of the 9000 used, a third of 30 s.
  const tokens = new Headers({
    "x-ratelimit-limit-tokens": "10000",
    "x-ratelimit-remaining-tokens": "1000",
    "x-ratelimit-reset-tokens": "30s",
  });
  const next = pacer.started(4000, 0);
  pacer.answered(next, 200, tokens, 2000);
  expect(pacer.wait(4000, 0, 2000)).toBe(10_000);
  expect(pacer.wait(500, 0, 2000)).toBeUndefined();
});

test("pacer: with no reset (Azure) a spent budget sends one call that asks; its 429 teaches the window", () => {
  const pacer = new Pacer();
  const first = pacer.started(10, 0);
  pacer.answered(first, 200, new Headers({ "x-ratelimit-remaining-requests": "1" }), 50); // a window of 2
  const second = pacer.started(10, 100);
  pacer.answered(second, 200, new Headers({ "x-ratelimit-remaining-requests": "0" }), 150);
  expect(pacer.wait(10, 0, 150)).toBeUndefined();
  const asking = pacer.started(10, 150);
  expect(asking.asking).toBe(true);
  pacer.answered(asking, 429, new Headers({ "x-ratelimit-remaining-requests": "0" }), 160);
  // The pause ends at 1000, when the oldest of the 2 counted requests (sent at 0) leaves: a window of 1000 ms.
  pacer.paused(1000);
  const afterPause = pacer.started(10, 1000);
  expect(afterPause.asking).toBe(false);
  // The next call waits until the one 2 counted calls back (sent at 100) is a window old, and 5 % more (50 ms):
  // a call that reached the service late must have left its window too.
  expect(pacer.wait(10, 1, 1000)).toBe(150);
});

test("pacer: an answer that names no limit (or Azure's -1) leaves the job unpaced", () => {
  const pacer = new Pacer();
  const first = pacer.started(10, 0);
  pacer.answered(first, 200, new Headers({ "x-ratelimit-remaining-requests": "0" }), 0);
  const second = pacer.started(10, 0);
  pacer.answered(second, 200, new Headers({ "x-ratelimit-remaining-requests": "-1" }), 0);
  expect(pacer.wait(10, 3, 0)).toBeUndefined();
});

test("calls arriving 40 ms late every other window still meet at most one 429 per window outgrown", async () => {
  const s = await azureService({ requestsPerMinute: 600 });
  const log = statusLog();
  // The pacer counts a call from when it starts it, the service from when it arrives: here the calls of every
  // other window of 10 arrive 40 ms late, so those of the window after them go out as early as the window allows.
  let sent = 0;
  const late: FetchLike = async (url, init) => {
    const lateWindow = Math.floor(sent++ / 10) % 2 == 1;
    await new Promise((resolve) => setTimeout(resolve, lateWindow ? 40 : 0));
    return log.fetch(url, init);
  };
  const result = await oneInputCalls(s, late, 60);
  // 60 calls need 6 windows: 5 times the job asks when to go on.
  expect(log.rateLimited()).toBeLessThanOrEqual(5);
  expect(result.requests).toBe(60 + log.rateLimited());
});
