// The reader that takes base64 vectors out of an embeddings answer as it arrives (src/vector-reader.ts): whatever the
// pieces the body comes in, the vectors are those of the wire, in order, and the JSON left parses to the answer with
// each vector's number in its place. Values it must not take (escaped, or after a key that is not one) stay as text.
import { expect, test } from "vitest";
import { toFloat32 } from "../src/embed.ts";
import { VectorReader } from "../src/vector-reader.ts";
import { seeded } from "./helpers/embeddings-service.ts";

const base64Of = (numbers: number[]) => btoa(String.fromCharCode(...new Uint8Array(new Float32Array(numbers).buffer)));

/** An answer as the services write it: compact JSON, `embedding` after `index`, usage last. */
const serviceAnswer = (vectors: number[][]) =>
  JSON.stringify({
    object: "list",
    data: vectors.map((v, index) => ({ object: "embedding", index, embedding: base64Of(v) })),
    model: "text-embedding-3-small",
    usage: { prompt_tokens: 8, total_tokens: 8 },
  });

const VECTORS = [[1, -2.5, 3], [0.25, 0, -0], [1e-7, 65504, -1]];

/** Feeds `text` in pieces cut at `cuts`, and returns the parsed JSON left and the vectors taken. */
function readInPieces(text: string, cuts: number[]) {
  const reader = new VectorReader(toFloat32);
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    reader.feed(text.slice(from, cut));
    from = cut;
  }
  return { json: JSON.parse(reader.end()), vectors: reader.vectors.map((v) => [...v]) };
}

test("a service's answer read whole: the vectors in order, and each one's number where its base64 was", () => {
  const { json, vectors } = readInPieces(serviceAnswer(VECTORS), []);
  expect(vectors).toEqual(VECTORS.map((v) => [...new Float32Array(v)]));
  const expected = JSON.parse(serviceAnswer(VECTORS));
  expected.data.forEach((item: { embedding: unknown }, k: number) => (item.embedding = k));
  expect(json).toEqual(expected);
});

test("an answer split in two at every character reads the same", () => {
  const text = serviceAnswer(VECTORS);
  const whole = readInPieces(text, []);
  for (let cut = 0; cut <= text.length; cut++) expect(readInPieces(text, [cut]), `cut at ${cut}`).toEqual(whole);
});

test("an answer in seeded random pieces, one character each at times, reads the same", () => {
  const random = seeded(14);
  const vectors = Array.from({ length: 40 }, (_, i) => Array.from({ length: 16 }, (_, j) => i * 100 + j));
  const text = serviceAnswer(vectors);
  const whole = readInPieces(text, []);
  expect(whole.vectors).toHaveLength(40);
  for (let round = 0; round < 200; round++) {
    const cuts: number[] = [];
    for (let at = 0; at < text.length; at += 1 + Math.floor(random() * (round % 2 ? 4 : 400))) cuts.push(at);
    expect(readInPieces(text, cuts)).toEqual(whole);
  }
});

test("spaces after the colon, as other servers write it, are read too", () => {
  const text = JSON.stringify(JSON.parse(serviceAnswer(VECTORS)), null, 2);
  expect(text).toContain('"embedding": "');
  for (let cut = 0; cut <= text.length; cut += 7) expect(readInPieces(text, [cut]).vectors).toHaveLength(3);
});

test("floats, a value with an escaped slash and a key that only ends in embedding stay in the JSON as they were", () => {
  const escaped = "AAD//w==".replace(/\//g, "\\/"); // JSON may escape "/", which base64 uses
  const text =
    '{"data":[{"index":0,"embedding":[1,2]},{"index":1,"embedding":"' + escaped + '"}],' +
    '"note":{"a\\"embedding":"QUJD"},"text":"say \\"embedding\\":\\"x\\""}';
  for (let cut = 0; cut <= text.length; cut++) {
    const { json, vectors } = readInPieces(text, [cut]);
    expect(vectors).toEqual([]);
    expect(json).toEqual(JSON.parse(text));
  }
});

test("an answer cut inside a vector leaves JSON that does not parse: it cannot pass for a shorter answer", () => {
  const text = serviceAnswer(VECTORS);
  const cut = text.indexOf('"embedding":"') + 20;
  const reader = new VectorReader(toFloat32);
  reader.feed(text.slice(0, cut));
  expect(() => JSON.parse(reader.end())).toThrow(SyntaxError);
});

test("read() takes a Response's body in the pieces it streams in", async () => {
  const text = serviceAnswer(VECTORS);
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 5) controller.enqueue(bytes.slice(at, at + 5));
      controller.close();
    },
  });
  const reader = new VectorReader(toFloat32);
  const json = JSON.parse(await reader.read(new Response(body)));
  expect(json.data.map((item: { embedding: unknown }) => item.embedding)).toEqual([0, 1, 2]);
  expect(reader.vectors.map((v) => [...v])).toEqual(VECTORS.map((v) => [...new Float32Array(v)]));
});
