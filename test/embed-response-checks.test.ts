// 2xx embeddings responses that must not be trusted, over real HTTP (a scripted server) and through an injected
// fetch: a body that is not an object with a `data` list, or with the wrong number of embeddings, is a
// ConnectionError (never a TypeError, never a short result), and a 2xx is not retried: it was billed.
import { describe, expect, test, type TestContext } from "vitest";
import { createClient, type Client } from "../src/mod.ts";
import { serveFor } from "./fault-server.ts";

const MODEL = "text-embedding-3-small";
/** The base64 of the float32 vector [1]. */
const ONE = "AACAPw==";
const item = (index: number) => ({ object: "embedding", index, embedding: [index, 1, 2] });
const BODIES: [string, unknown][] = [
  ["null", null],
  ["[]", []],
  ["42", 42],
  ["{}", {}],
  ["data not a list", { object: "list", data: { 0: item(0) } }],
  ["too few embeddings", { object: "list", data: [item(0)] }],
  ["too many embeddings", { object: "list", data: [item(0), item(1), item(2)] }],
  ["a repeated index", { object: "list", data: [item(0), item(0)] }],
  ["a string index", { object: "list", data: [item(0), { ...item(1), index: "1" }] }],
  ["a null item", { object: "list", data: [item(0), null] }],
  // A number where a vector belongs is not taken for one that came as base64 (the reader's own marks are numbers).
  [
    "a number where a vector belongs, and base64 elsewhere",
    { object: "list", data: [{ index: 0, embedding: 1 }, { index: 1, embedding: ONE }], extra: { embedding: ONE } },
  ],
];

const transports: [string, (t: TestContext, body: unknown) => Promise<{ client: Client; requests: () => number }>][] = [
  [
    "real HTTP",
    async (t, body) => {
      const s = await serveFor(t, () => ({
        body: typeof body == "string" ? body : JSON.stringify(body),
        headers: { "content-type": "application/json" },
      }));
      return {
        client: createClient({ provider: "openai", apiKey: "sk-checks", baseURL: s.url + "/v1" }),
        requests: () => s.requests.length,
      };
    },
  ],
  [
    "injected fetch",
    async (_t, body) => {
      let count = 0;
      const fetch = async () => {
        count++;
        const text = typeof body == "string" ? body : JSON.stringify(body);
        return new Response(text, { headers: { "content-type": "application/json" } });
      };
      return {
        client: createClient({
          provider: "azure",
          endpoint: "http://x.test",
          apiVersion: "2024-10-21",
          apiKey: "k",
          fetch,
        }),
        requests: () => count,
      };
    },
  ],
];

for (const [transport, start] of transports) {
  describe(transport, () => {
    for (const [name, body] of BODIES) {
      test(`embed of 2 inputs answered with ${name}: ConnectionError after one request`, async (t) => {
        const service = await start(t, body);
        const error = await service.client.embed({ model: MODEL, input: ["a", "b"] }).catch((e) => e);
        expect(error.name).toBe("ConnectionError");
        expect(service.requests()).toBe(1);
      });

      test(`embedMany of 2 inputs answered with ${name}: ConnectionError after one request`, async (t) => {
        const service = await start(t, body);
        const error = await service.client.embedMany({ model: MODEL, input: ["a", "b"] }).catch((e) => e);
        expect(error.name).toBe("ConnectionError");
        expect(service.requests()).toBe(1);
      });
    }

    test('a JSON writer that escapes "/" inside base64 still gives the right vectors', async (t) => {
      // The base64 of the float32 vectors [255.5, -1] and [0.25, -0.5, 7]: the first has a "/", sent escaped.
      const vectors = [[255.5, -1], [0.25, -0.5, 7]];
      const base64 = vectors.map((v) => btoa(String.fromCharCode(...new Uint8Array(new Float32Array(v).buffer))));
      const escaped = base64.map((b) => b.replace(/\//g, "\\/"));
      expect(escaped.join("")).toContain("\\/");
      const data = escaped.map((e, index) => `{"object":"embedding","index":${index},"embedding":"${e}"}`).join(",");
      const service = await start(t, `{"object":"list","data":[${data}],"model":"m","usage":{"prompt_tokens":2}}`);
      const response = await service.client.embed({ model: MODEL, input: ["a", "b"] });
      expect(response.data.map((d) => d.embedding)).toEqual(vectors);
      const many = await service.client.embedMany({ model: MODEL, input: ["a", "b"], format: "float32" });
      expect(many.embeddings.map((v) => [...v])).toEqual(vectors);
    });

    test("embed of a single string answered with one embedding is fine; with two it is a ConnectionError", async (t) => {
      const one = await start(t, { object: "list", data: [item(0)] });
      expect((await one.client.embed({ model: MODEL, input: "a" })).data[0]!.embedding).toEqual([0, 1, 2]);
      const two = await start(t, { object: "list", data: [item(0), item(1)] });
      const error = await two.client.embed({ model: MODEL, input: "a" }).catch((e) => e);
      expect(error.name).toBe("ConnectionError");
      expect(error.message).toMatch(/1 inputs sent, 2 embeddings received/);
    });
  });
}
