// Cloudflare Worker (module syntax): streams a chat answer back to the browser as plain text, token by token.
//
//   GET /?q=What+is+SSE%3F
//
// Bindings (wrangler `vars` and secrets), read with `fromEnv`: OPENAI_API_KEY (+ OPENAI_BASE_URL) for OpenAI, or
// AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY (+ OPENAI_API_VERSION) for Azure; MODEL names the model or deployment.
import { ApiError, type ChatCompletionChunk, createClient, fromEnv } from "openai-switch";

export interface Env {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  AZURE_OPENAI_ENDPOINT?: string;
  AZURE_OPENAI_API_KEY?: string;
  OPENAI_API_VERSION?: string;
  MODEL?: string;
}

const text = (chunk: ChatCompletionChunk) => chunk.choices[0]?.delta?.content ?? "";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const question = new URL(request.url).searchParams.get("q") || "Say hello.";
    const client = createClient(fromEnv({ ...env }));
    const chunks = client.chatStream(
      { model: env.MODEL ?? "gpt-4o-mini", messages: [{ role: "user", content: question }] },
      { signal: request.signal },
    );
    // Wait for the first event, so that a refused call becomes an error status rather than a broken 200.
    let first: IteratorResult<ChatCompletionChunk>;
    try {
      first = await chunks.next();
    } catch (e) {
      return new Response(`upstream error: ${e instanceof Error ? e.message : e}\n`, { status: e instanceof ApiError ? e.status : 502 });
    }
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(text(first.value)));
      },
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(text(next.value)));
      },
      async cancel() {
        await chunks.return?.();
      },
    });
    return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  },
};
