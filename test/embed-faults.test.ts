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
    const result = await openai(s).embedMany({ model: "text-embedding-3-small", input: texts(5), batchSize: 2, onProgress: (done) => progress.push(done) });
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
      openai(s).embedMany({ model: "text-embedding-3-small", input: texts(6), batchSize: 2, onProgress: (done) => progress.push(done) }),
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
    const e = await rejection(openai(s).embedMany({ model: "text-embedding-3-small", input: texts(6), batchSize: 2 }), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 503 });
    await pause(100);
    t.expect(s.requests).toHaveLength(4);
    t.expect(inputs(s).slice(1)).toEqual([["text-2", "text-3"], ["text-2", "text-3"], ["text-2", "text-3"]]);
  });

  test("a permanent failure while another batch is in flight: rejects at once, nothing sent after", async (t) => {
    // The first batch is held by the server until after the run has rejected (or 3 s, if the run waited for it).
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const fallback = setTimeout(() => open(), 3000);
    let held = true;
    const s = await serveFor(t, async (request) => {
      const first: string = bodyOf(request).input[0];
      if (first == "text-2") return embeddingsFailure(401, {});
      if (first == "text-0") await gate;
      return embeddings(request, 0);
    });
    gate.then(() => (held = false));
    const e = await rejection(openai(s).embedMany({ model: "text-embedding-3-small", input: texts(8), batchSize: 2, concurrency: 2 }), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 401 });
    t.expect(held).toBe(true); // it did not wait for the batch in flight
    clearTimeout(fallback);
    open();
    await pause(100);
    t.expect(inputs(s)).toEqual([["text-0", "text-1"], ["text-2", "text-3"]]);
  });

  test("a batch answered with too few embeddings: ConnectionError, no partial result", async (t) => {
    const short: StepFn = (request) => {
      const step = embeddings(request, 0) as { body: { data: unknown[] } };
      step.body.data.pop();
      return step;
    };
    const s = await serveFor(t, [embeddings, short, embeddings]);
    const e = await rejection(openai(s).embedMany({ model: "text-embedding-3-small", input: texts(6), batchSize: 2 }), SECRETS);
    t.expect(e).toBeInstanceOf(ConnectionError);
    await pause(100);
    t.expect(s.requests).toHaveLength(2);
  });

  test("the user's abort mid-run: rejects with the reason, no later batch is sent", async (t) => {
    const controller = new AbortController();
    const reason = new Error("stop embedding");
    const s = await serveFor(t, [embeddings, { action: "hang" }, embeddings]);
    const run = openai(s).embedMany(
      { model: "text-embedding-3-small", input: texts(6), batchSize: 2, onProgress: () => setTimeout(() => controller.abort(reason), 50) },
      { signal: controller.signal },
    );
    t.expect(await rejection(run, SECRETS)).toBe(reason);
    await pause(100);
    t.expect(s.requests).toHaveLength(2);
  });

  test("embed (one call) is retried like any call: 429 then 200, 2 requests", async (t) => {
    const s = await serveFor(t, [embeddingsFailure(429), embeddings]);
    const response = await azure(s).embed({ model: "text-embedding-3-small", input: ["text-3", "text-1"] });
    t.expect(s.requests).toHaveLength(2);
    t.expect(response.data.map((d) => d.embedding)).toEqual([vectorOf("text-3"), vectorOf("text-1")]);
  });
});
