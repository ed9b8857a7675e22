// embedMany's delivery over real HTTP: onBatch once per finished batch in input order (contiguous, awaited, never
// two at once) under concurrency with seeded random latencies; keep: false; a slow onBatch bounds the work in
// flight; a failure keeps everything delivered, and the resume recipe (input.slice(k)) re-embeds nothing delivered;
// an abort at any point rejects with its reason and sends and delivers nothing after.
import { expect, test } from "vitest";
import { ApiError, type Client } from "../src/mod.ts";
import { embeddingOf } from "../src/testing.ts";
import { expectVectors } from "./embed-helpers.ts";
import { bodyOf, clientsFor, failure, pause, type Recorded, serveFor, type Step } from "./fault-server.ts";
import { answer, loggingFetch, seeded } from "./helpers/embeddings-service.ts";

const { openai, azure } = clientsFor({ openai: "sk-deliver-KEY-77e1", azure: "azure-deliver-KEY-1b6a" });
const MODEL = "text-embedding-3-small";
const texts = (n: number, tag = "d") => Array.from({ length: n }, (_, i) => `${tag} ${i}`);
const ok = (request: Recorded): Step => answer(bodyOf(request), { provider: "openai", reversed: true }) as Step;

/** Records onBatch calls and checks, as they come, that they are contiguous, ordered, right and never overlap. */
function batchLog(input: readonly string[], awaitMs?: () => number) {
  const batches: [start: number, length: number][] = [];
  let next = 0;
  let busy = false;
  const onBatch = async (embeddings: Float32Array[] | number[][], start: number) => {
    expect(busy).toBe(false);
    expect(start).toBe(next);
    busy = true;
    batches.push([start, embeddings.length]);
    expectVectors(
      embeddings,
      input.slice(start, start + embeddings.length),
      4,
      Array.isArray(embeddings[0]) ? "number" : "float32",
    );
    if (awaitMs) await pause(awaitMs());
    next = start + embeddings.length;
    busy = false;
  };
  return { onBatch, batches, delivered: () => next };
}

test("onBatch gets every batch once, in input order and contiguous, under concurrency 6 with seeded random latencies", async (t) => {
  const random = seeded(14);
  const s = await serveFor(t, (request) => ({ ...ok(request), delayMs: Math.floor(random() * 40) }));
  const input = texts(500);
  const log = batchLog(input, () => (random() < 0.2 ? 5 : 0));
  const progress: number[] = [];
  const result = await openai(s).embedMany({
    model: MODEL,
    input,
    batchSize: 7,
    concurrency: 6,
    onBatch: log.onBatch,
    onProgress: (d) => progress.push(d),
  });
  expect(log.batches).toHaveLength(Math.ceil(500 / 7));
  expect(log.delivered()).toBe(500);
  expect(progress).toEqual(log.batches.map(([start, length]) => start + length));
  expectVectors(result.embeddings, input, 4, "number");
});

test("keep: false: embeddings come back empty, every batch went to onBatch, usage and requests still counted", async (t) => {
  const s = await serveFor(t, ok);
  const input = texts(90);
  const log = batchLog(input);
  const result = await azure(s).embedMany({
    model: MODEL,
    input,
    batchSize: 10,
    keep: false,
    format: "float32",
    onBatch: log.onBatch,
  });
  expect(result.embeddings).toEqual([]);
  expect(result.requests).toBe(9);
  expect(result.usage.total_tokens).toBeGreaterThan(0);
  expect(log.delivered()).toBe(90);
});

test("a slow onBatch slows the job: batches in flight and waiting for it together stay within concurrency", async (t) => {
  const s = await serveFor(t, (request) => ({ ...ok(request), delayMs: 5 }));
  const input = texts(400);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let first = true;
  const run = openai(s).embedMany({
    model: MODEL,
    input,
    batchSize: 4,
    concurrency: 3,
    keep: false,
    onBatch: async () => {
      if (first) {
        first = false;
        await gate;
      }
    },
  });
  await pause(400);
  // The batch in onBatch and two more, finished and waiting their turn: memory holds at most `concurrency` batches.
  expect(s.requests.length).toBe(3);
  open();
  const result = await run;
  expect(result.requests).toBe(100);
});

test("resume: after a permanent failure, embedMany on input.slice(k) finishes and re-embeds nothing delivered", async (t) => {
  const random = seeded(7);
  let broken = true;
  const s = await serveFor(t, (request) => {
    const sent: string[] = bodyOf(request).input;
    if (broken && sent.includes("d 777")) return failure(400, { headers: {}, message: "This request was refused" });
    return { ...ok(request), delayMs: Math.floor(random() * 20) };
  });
  // Calls are counted as the client sends them: a call cancelled in the first run may still reach the server late.
  const sentBy: string[][][] = [[], []];
  let phase = 0;
  const client: Client = openai(s, {
    fetch: (url, init) => {
      sentBy[phase]!.push(JSON.parse(String(init.body)).input);
      return fetch(url, init);
    },
  });
  const input = texts(2000);
  const saved: (number[] | undefined)[] = new Array(2000);
  let k = 0;
  const onBatch = (embeddings: number[][], start: number) => {
    embeddings.forEach((e, i) => (saved[start + i] = e));
  };
  const error = await client
    .embedMany({ model: MODEL, input, batchSize: 50, concurrency: 4, onBatch, onProgress: (done) => (k = done) })
    .catch((e) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.message).toBe("This request was refused");
  // Everything before the failed batch [750, 800) was delivered, nothing at or after it.
  expect(k).toBe(750);
  expect(saved.slice(0, 750).every((e) => e)).toBe(true);
  expect(saved.slice(750).some((e) => e)).toBe(false);

  broken = false;
  phase = 1;
  const rest = await client.embedMany({
    model: MODEL,
    input: input.slice(k),
    batchSize: 50,
    concurrency: 4,
    onBatch: (e, start) => onBatch(e, k + start),
  });
  expect(rest.embeddings).toHaveLength(2000 - k);
  const resent = sentBy[1]!.flat();
  expect(resent.sort()).toEqual(input.slice(k).sort());
  expectVectors(saved as number[][], input, 4, "number");
});

test("an abort at any point (seeded): rejects with its reason; no call starts and no batch is delivered after it", async (t) => {
  const random = seeded(2026);
  const s = await serveFor(t, (request) => ({ ...ok(request), delayMs: Math.floor(random() * 15) }));
  for (let run = 0; run < 12; run++) {
    const caller = new AbortController();
    const reason = new Error(`abort ${run}`);
    const log = loggingFetch(undefined, () => caller.signal.aborted);
    const input = texts(300, `r${run}`);
    const delivered = batchLog(input);
    const abortAfter = Math.floor(random() * 80);
    const timer = setTimeout(() => caller.abort(reason), abortAfter);
    const outcome = await openai(s, { fetch: log.fetch })
      .embedMany(
        { model: MODEL, input, batchSize: 5, concurrency: 1 + (run % 5), onBatch: delivered.onBatch },
        { signal: caller.signal },
      )
      .then(
        (result) => ({ result }),
        (error) => ({ error }),
      );
    clearTimeout(timer);
    const batchesAtEnd = delivered.batches.length;
    if ("result" in outcome) {
      // The job was faster than the timer: then it is complete.
      expectVectors(outcome.result.embeddings, input, 4, "number");
      continue;
    }
    expect(outcome.error).toBe(reason);
    expect(log.started.filter((c) => c.afterAbort)).toEqual([]);
    // Calls still in flight were cancelled.
    expect(log.started.filter((c) => !c.signal.aborted && !c.settled).map((c) => c.first)).toEqual([]);
    await pause(30);
    expect(delivered.batches.length).toBe(batchesAtEnd);
    expect(log.started.filter((c) => c.afterAbort)).toEqual([]);
  }
});

test("a batch whose data carries string, fractional, repeated or out-of-range indexes is a ConnectionError, not reordered data", async (t) => {
  const bad = [[(i: number) => String(i)], [(i: number) => i + 0.5], [() => 0], [(i: number) => i + 1]] as const;
  for (const [index] of bad) {
    const s = await serveFor(t, (request) => {
      const step = ok(request) as { body: { data: { index: unknown }[] } };
      step.body.data.sort((a, b) => (a.index as number) - (b.index as number));
      step.body.data.forEach((item, i) => (item.index = index(i)));
      return step;
    });
    const delivered: number[] = [];
    const error = await openai(s)
      .embedMany({
        model: MODEL,
        input: texts(20),
        batchSize: 10,
        concurrency: 1,
        onBatch: (_e, start) => void delivered.push(start),
      })
      .catch((e) => e);
    expect(error.name).toBe("ConnectionError");
    expect(error.message).toMatch(/index/);
    expect(delivered).toEqual([]);
    expect(s.requests).toHaveLength(1); // a 2xx is never retried: it was billed
  }
});

test("each embedding lands at its own index when the server sends data out of order", async (t) => {
  const s = await serveFor(t, ok); // `ok` reverses data, each item keeping its index
  const input = texts(33);
  const result = await openai(s).embedMany({ model: MODEL, input, batchSize: 8, format: "float32" });
  expect(Array.from(result.embeddings[0]!)).toEqual(Array.from(embeddingOf("d 0", 4)));
  expectVectors(result.embeddings, input, 4, "float32");
});
