// embedMany over 20 000 inputs with seeded random faults over real HTTP: 429s (paused and retried by the job),
// 500s (retried by send), connection resets, latencies and data sent out of order. Whatever the interleaving,
// every embedding belongs to its input and onBatch sees every batch once, in order.
import { expect, test } from "vitest";
import { expectVectors } from "./embed-helpers.ts";
import { bodyOf, clientsFor, failure, type Recorded, serveFor, type Step } from "./fault-server.ts";
import { answer, seeded } from "./helpers/embeddings-service.ts";

const { openai, azure } = clientsFor({ openai: "sk-fuzz-KEY-5d10", azure: "azure-fuzz-KEY-c83e" });

/** A fault plan drawn once per (first input, attempt), so it does not depend on the order requests arrive in. */
function faultyService(seed: number) {
  const attempts = new Map<string, number>();
  const counts = { ok: 0, "429": 0, "500": 0, reset: 0 };
  const step = (request: Recorded): Step => {
    const { input } = bodyOf(request) as { input: string[] };
    const key = `${input[0]}/${input.length}`;
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    let hash = seed;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    const random = seeded(hash + attempt);
    const roll = random();
    const delayMs = Math.floor(random() * 8);
    // At most two faults per batch: send retries a 500 or a reset twice, the job retries a 429 itself.
    const fault = attempt >= 2 ? "ok" : roll < 0.06 ? "429" : roll < 0.14 ? "500" : roll < 0.17 ? "reset" : "ok";
    counts[fault]++;
    if (fault == "429") return failure(429, { headers: { "retry-after-ms": "3" }, message: "Rate limit" });
    if (fault == "500") return { ...failure(500, { headers: { "retry-after-ms": "1" } }), delayMs };
    if (fault == "reset") return { action: "reset" };
    return { ...(answer(bodyOf(request), { provider: "openai", reversed: roll > 0.6 }) as Step), delayMs };
  };
  return { step, counts };
}

for (const [name, client] of [
  ["OpenAI", openai],
  ["Azure", azure],
] as const) {
  test(
    `${name}: 20 000 inputs through seeded 429s, 500s and resets: every embedding belongs to its input`,
    { timeout: 60_000 },
    async (t) => {
      const service = faultyService(name == "OpenAI" ? 1 : 2);
      const s = await serveFor(t, service.step);
      const input = Array.from({ length: 20_000 }, (_, i) => `fuzz ${i} ${"w".repeat(i % 13)}`);
      let next = 0;
      const result = await client(s).embedMany({
        model: "text-embedding-3-small",
        input,
        batchSize: 64,
        concurrency: 8,
        format: "float32",
        onBatch: (embeddings, start) => {
          expect(start).toBe(next);
          next += embeddings.length;
        },
      });
      expect(next).toBe(20_000);
      expect(service.counts["429"]).toBeGreaterThan(10);
      expect(service.counts["500"]).toBeGreaterThan(10);
      expect(service.counts.reset).toBeGreaterThan(5);
      expectVectors(result.embeddings, input, 4, "float32");
    },
  );
}
