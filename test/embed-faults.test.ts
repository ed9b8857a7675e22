// embedMany through faults: a batch that fails and is retried still lands in its place; a batch that fails for
// good rejects the whole run at once, sends nothing more and gives no partial result.
import { describe, test } from "vitest";
import { ApiError, ConnectionError } from "../src/mod.ts";
import { bodyOf, clientsFor, failure, pause, rejection, serveFor, type FaultServer, type Recorded, type StepFn } from "./fault-server.ts";

const KEY = "sk-embed-KEY-6a2f90c3d1";
const AZURE_KEY = "azure-embed-KEY-0e5b7d93";
const SECRETS = [KEY, AZURE_KEY];
const { openai, azure } = clientsFor({ openai: KEY, azure: AZURE_KEY });
const texts = (n: number) => Array.from({ length: n }, (_, i) => `text-${i}`);
/** The vector the server gives `text-i`: exact in float32. */
const vectorOf = (text: string) => {
  const i = +text.slice(5);
  return [i, -i, i / 4];
};
const base64 = (vector: number[]) => Buffer.from(new Float32Array(vector).buffer).toString("base64");

/** Answers an embeddings request like the service (base64 when asked), from the texts it carries. */
const embeddings: StepFn = (request) => {
  const { input, encoding_format } = bodyOf(request);
  return {
    body: {
      object: "list",
      model: "text-embedding-3-small",
      data: input.map((text: string, index: number) => ({ object: "embedding", index, embedding: encoding_format == "base64" ? base64(vectorOf(text)) : vectorOf(text) })),
      usage: { prompt_tokens: input.length, total_tokens: input.length },
    },
  };
};
const embeddingsFailure = (status: number, headers?: Record<string, string>) => failure(status, { headers, message: `embeddings failed with ${status}` });
const inputs = (s: FaultServer) => s.requests.map((r: Recorded) => bodyOf(r).input);

describe.concurrent("embedMany through faults", () => {
  test("a 500 in the middle of the run: that batch is retried, embeddings right and in order", async (t) => {
    const s = await serveFor(t, [embeddings, embeddingsFailure(500), embeddings, embeddings]);
    const progress: number[] = [];
    const result = await openai(s).embedMany({ model: "text-embedding-3-small", input: texts(5), batchSize: 2, concurrency: 1, onProgress: (done) => progress.push(done) });
    t.expect(result.requests).toBe(4);
    t.expect(s.requests).toHaveLength(4);
    t.expect(inputs(s)).toEqual([["text-0", "text-1"], ["text-2", "text-3"], ["text-2", "text-3"], ["text-4"]]);
    t.expect(progress).toEqual([2, 4, 5]);
    t.expect(result.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
    t.expect(result.embeddings).toEqual(texts(5).map(vectorOf));
  });

  test("concurrent batches on Azure, one 503 and one reset among them: every vector in its place", async (t) => {
    const failed = new Set<string>();
    const s = await serveFor(t, (request) => {
      const first: string = bodyOf(request).input[0];
      if (first == "text-4" && !failed.has(first)) return failed.add(first), embeddingsFailure(503);
      if (first == "text-8" && !failed.has(first)) return failed.add(first), { action: "reset" };
      return embeddings(request, 0);
    });
    const result = await azure(s).embedMany({ model: "text-embedding-3-small", input: texts(10), batchSize: 2, concurrency: 3, format: "float32" });
    t.expect(s.requests).toHaveLength(7); // 5 batches + 2 retries, as the server saw them
    // requests counts what the client sent. Deno's fetch itself resends a request whose pooled connection was
    // reset, so there the client made one call fewer for the same 7 arrivals.
    t.expect(result.requests).toBe("Deno" in globalThis ? 6 : 7);
    t.expect(s.requests.every((r) => r.headers["api-key"] == AZURE_KEY)).toBe(true);
    t.expect(result.embeddings[0]).toBeInstanceOf(Float32Array);
    t.expect(result.embeddings.map((v) => Array.from(v))).toEqual(texts(10).map(vectorOf));
  });

  test("a permanent failure mid-run: rejects with that ApiError, no later batch is sent", async (t) => {
    const s = await serveFor(t, [embeddings, embeddingsFailure(400, {}), embeddings]);
    const progress: number[] = [];
    const e = await rejection(
      openai(s).embedMany({ model: "text-embedding-3-small", input: texts(6), batchSize: 2, concurrency: 1, onProgress: (done) => progress.push(done) }),
      SECRETS,
    );
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e).toMatchObject({ status: 400, message: "embeddings failed with 400" });
    t.expect(progress).toEqual([2]);
    await pause(100);
    t.expect(s.requests).toHaveLength(2);
  });

  test("a batch whose retries run out: rejects after 1 + 3 requests, no later batch is sent", async (t) => {
    const s = await serveFor(t, [embeddings, embeddingsFailure(503), embeddingsFailure(503), embeddingsFailure(503), embeddings]);
    const e = await rejection(openai(s).embedMany({ model: "text-embedding-3-small", input: texts(6), batchSize: 2, concurrency: 1 }), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 503 });
    await pause(100);
    t.expect(s.requests).toHaveLength(4);
    t.expect(inputs(s).slice(1)).toEqual([["text-2", "text-3"], ["text-2", "text-3"], ["text-2", "text-3"]]);
  });

  test("a permanent failure while other batches are in flight: earlier ones finish and are delivered, later ones are cancelled", async (t) => {
    // After the probe [0, 1], three calls go at once: [2, 3] is held until [4, 5] has failed with a 401, [6, 7] never
    // answers. The job must deliver [2, 3], cancel [6, 7] and reject with the 401 without waiting for it.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const s = await serveFor(t, async (request) => {
      const first: string = bodyOf(request).input[0];
      if (first == "text-4") {
        setTimeout(open, 50);
        return embeddingsFailure(401, {});
      }
      if (first == "text-2") await gate;
      if (first == "text-6") return { action: "hang" };
      return embeddings(request, 0);
    });
    const signals = new Map<string, AbortSignal>();
    const fetchLogged = (url: string, init: RequestInit) => {
      signals.set(JSON.parse(String(init.body)).input[0], init.signal!);
      return fetch(url, init);
    };
    const delivered: [number, unknown[]][] = [];
    const progress: number[] = [];
    const run = openai(s, { fetch: fetchLogged }).embedMany({
      model: "text-embedding-3-small",
      input: texts(8),
      batchSize: 2,
      concurrency: 3,
      onBatch: (embeddings, start) => void delivered.push([start, embeddings]),
      onProgress: (done) => progress.push(done),
    });
    const e = await rejection(run, SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 401 });
    t.expect(delivered).toEqual([
      [0, texts(8).slice(0, 2).map(vectorOf)],
      [2, texts(8).slice(2, 4).map(vectorOf)],
    ]);
    t.expect(progress).toEqual([2, 4]);
    t.expect(signals.get("text-6")?.aborted).toBe(true);
    await pause(100);
    // Counted where calls leave the client: the cancelled one may or may not have reached the server.
    t.expect([...signals.keys()].sort()).toEqual(["text-0", "text-2", "text-4", "text-6"]);
  });

  test("a batch answered with too few embeddings: ConnectionError, no partial result", async (t) => {
    const short: StepFn = (request) => {
      const step = embeddings(request, 0) as { body: { data: unknown[] } };
      step.body.data.pop();
      return step;
    };
    const s = await serveFor(t, [embeddings, short, embeddings]);
    const e = await rejection(openai(s).embedMany({ model: "text-embedding-3-small", input: texts(6), batchSize: 2, concurrency: 1 }), SECRETS);
    t.expect(e).toBeInstanceOf(ConnectionError);
    await pause(100);
    t.expect(s.requests).toHaveLength(2);
  });

  test("the user's abort mid-run: rejects with the reason, no later batch is sent", async (t) => {
    const controller = new AbortController();
    const reason = new Error("stop embedding");
    const s = await serveFor(t, [embeddings, { action: "hang" }, embeddings]);
    // Counted where calls leave the client (on a loaded machine the second may reach the server late).
    const sent: string[] = [];
    const fetchLogged = (url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)).input[0]);
      return fetch(url, init);
    };
    const run = openai(s, { fetch: fetchLogged }).embedMany(
      { model: "text-embedding-3-small", input: texts(6), batchSize: 2, concurrency: 1, onProgress: () => setTimeout(() => controller.abort(reason), 50) },
      { signal: controller.signal },
    );
    t.expect(await rejection(run, SECRETS)).toBe(reason);
    await pause(100);
    t.expect(sent).toEqual(["text-0", "text-2"]);
    t.expect(s.requests.length).toBeLessThanOrEqual(2);
  });

  test("embed (one call) is retried like any call: 429 then 200, 2 requests", async (t) => {
    const s = await serveFor(t, [embeddingsFailure(429), embeddings]);
    const response = await azure(s).embed({ model: "text-embedding-3-small", input: ["text-3", "text-1"] });
    t.expect(s.requests).toHaveLength(2);
    t.expect(response.data.map((d) => d.embedding)).toEqual([vectorOf("text-3"), vectorOf("text-1")]);
  });
});
