// The client, bundled from dist/, inside workerd: each export's test() is one case that `workerd test` runs.
// The emulator runs on the host (run.mjs) and is reached over real HTTP at env.EMULATOR_URL.
import { type ChatCompletionChunk, collectResponse, createClient } from "../../../dist/mod.js";
import { embeddingOf } from "../../../dist/testing.js";

interface Env {
  EMULATOR_URL: string;
  EXAMPLE: { fetch(request: Request | string): Promise<Response> };
}

const fail = (message: string): never => {
  throw new Error(message);
};
const equal = (actual: unknown, expected: unknown, what: string) => {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
};

const openai = (env: Env) => createClient({ provider: "openai", apiKey: "sk-workerd", baseURL: env.EMULATOR_URL + "/v1" });
const azure = (env: Env) => createClient({ provider: "azure", endpoint: env.EMULATOR_URL, apiVersion: "2024-10-21", apiKey: "azure-key" });
const ask = (content: string) => ({ model: "gpt-4o", messages: [{ role: "user" as const, content }] });

export const openaiChat = {
  async test(_: unknown, env: Env) {
    const reply = await openai(env).chat(ask("Hi from workerd"));
    equal(reply.choices[0]?.message.content, "You said: Hi from workerd", "OpenAI reply");
    equal(reply.object, "chat.completion", "object");
  },
};

export const azureChat = {
  async test(_: unknown, env: Env) {
    const reply = await azure(env).chat(ask("Hi from workerd"));
    equal(reply.choices[0]?.message.content, "You said: Hi from workerd", "Azure reply");
    // Only Azure sends prompt filter results: proves the request went down the Azure deployment path.
    equal(reply.prompt_filter_results?.[0]?.prompt_index, 0, "prompt_filter_results");
  },
};

const collect = async (chunks: AsyncIterable<ChatCompletionChunk>) => {
  const pieces: string[] = [];
  for await (const chunk of chunks) pieces.push(chunk.choices[0]?.delta?.content ?? "");
  return pieces;
};

export const openaiStream = {
  async test(_: unknown, env: Env) {
    const pieces = await collect(openai(env).chatStream(ask("stream me please")));
    equal(pieces.join(""), "You said: stream me please", "streamed text");
    if (pieces.filter(Boolean).length < 4) fail(`expected one chunk per word, got ${JSON.stringify(pieces)}`);
  },
};

export const azureStream = {
  async test(_: unknown, env: Env) {
    // Azure opens with a chunk that has no choices; the text must still come out whole.
    const pieces = await collect(azure(env).chatStream(ask("stream me please")));
    equal(pieces.join(""), "You said: stream me please", "streamed text");
  },
};

export const embedManyFallsBackOnAzureDeploymentLimitedTo16 = {
  async test(_: unknown, env: Env) {
    const input = Array.from({ length: 40 }, (_, i) => `document number ${i}`);
    const progress: number[] = [];
    // run.mjs serves the emulator with deployment "ada-16" limited to 16 inputs per call.
    const result = await azure(env).embedMany({ model: "text-embedding-ada-002", deployment: "ada-16", input, onProgress: (done) => progress.push(done) });
    equal(result.embeddings.length, 40, "embeddings");
    result.embeddings.forEach((vector, i) => equal(vector, Array.from(embeddingOf(input[i]!, 1536)), `embedding ${i}`));
    // One refused call of 40, then 16 + 16 + 8.
    equal(result.requests, 4, "HTTP requests");
    equal(progress, [16, 32, 40], "progress");
  },
};

export const exampleWorkerStreamsAChat = {
  async test(_: unknown, env: Env) {
    const response = await env.EXAMPLE.fetch("http://example.test/?q=" + encodeURIComponent("Hello worker"));
    equal(response.status, 200, "status");
    equal(response.headers.get("content-type"), "text/plain; charset=utf-8", "content-type");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const pieces: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces.push(decoder.decode(value, { stream: true }));
    }
    equal(pieces.join(""), "You said: Hello worker", "body");
  },
};

// The Responses API: run.mjs serves deployment "gpt-4.1"; Azure sends it as `model` in the body on both forms.
const azureAt = (env: Env, apiVersion: string) => createClient({ provider: "azure", endpoint: env.EMULATOR_URL, apiVersion, apiKey: "azure-key" });

export const responsesCreateOnEveryRouteForm = {
  async test(_: unknown, env: Env) {
    const clients = { openai: openai(env), "azure v1": azureAt(env, "v1"), "azure dated": azureAt(env, "2025-04-01-preview") };
    for (const [name, client] of Object.entries(clients)) {
      const r = await client.responses.create({ model: "gpt-4.1", input: "Hi from workerd", instructions: "Be brief" });
      equal(r.output_text, "You said: Hi from workerd", `${name} output_text`);
      equal(r.status, "completed", `${name} status`);
      const again = await client.responses.retrieve(r.id);
      equal(again.output_text, r.output_text, `${name} retrieved output_text`);
    }
  },
};

export const responsesStreamOnAzureV1 = {
  async test(_: unknown, env: Env) {
    const deltas: string[] = [];
    const sequence: number[] = [];
    const final = await collectResponse(azureAt(env, "v1").responses.stream({ model: "gpt-4.1", input: "stream me please" }), (event) => {
      sequence.push(event.sequence_number);
      if (event.type === "response.output_text.delta") deltas.push(event.delta);
    });
    equal(deltas.join(""), "You said: stream me please", "streamed text");
    equal(final.output_text, "You said: stream me please", "collected output_text");
    equal(sequence, sequence.map((_, i) => i), "sequence numbers");
    if (deltas.length < 4) fail(`expected one delta per word, got ${JSON.stringify(deltas)}`);
    // Only Azure sends content_filters on the final response: the call went down an Azure route.
    if (!Array.isArray(final.content_filters)) fail("expected Azure's content_filters on the final response");
  },
};
