// Deno: rank documents by meaning with embedMany (one call for the question and every document).
//
//   OPENAI_API_KEY=sk-... deno run --allow-net --allow-env examples/deno.ts "a fast runtime" "Deno is fast" "Cats sleep a lot"
//
// Outside this repository, import from "jsr:@openai-switch/openai-switch" (or `deno add` it). The config comes from
// the environment (see `fromEnv`): OPENAI_API_KEY (+ OPENAI_BASE_URL), or AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY.
// EMBEDDING_MODEL picks the model (on Azure: the deployment).
import { createClient, fromEnv } from "@openai-switch/openai-switch";

const [question, ...documents] = Deno.args;
if (!question || !documents.length) {
  console.error('usage: deno run --allow-net --allow-env examples/deno.ts "question" "document" ["document" ...]');
  Deno.exit(2);
}

const client = createClient(fromEnv());
const { embeddings, usage } = await client.embedMany({
  model: Deno.env.get("EMBEDDING_MODEL") ?? "text-embedding-3-small",
  input: [question, ...documents],
  format: "float32",
});

const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};

const [query, ...vectors] = embeddings;
const ranked = documents
  .map((text, i) => ({ text, score: cosine(query!, vectors[i]!) }))
  .sort((a, b) => b.score - a.score);
for (const { text, score } of ranked) console.log(`${score.toFixed(4)}  ${text}`);
console.error(`${usage.total_tokens} tokens`);
