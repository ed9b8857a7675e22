// Turns an OpenAI-style SSE response into parsed chunks: stops at [DONE], raises errors sent mid-stream,
// and never lets a cut stream pass for a finished answer.
import { OpenAISwitchError } from "./errors.ts";
import type { OpenedStream } from "./send.ts";
import { parseSSE } from "./sse.ts";

/** Yields each `data:` event of a streamed call as parsed JSON, until `data: [DONE]`. */
export async function* chunks<T>(
  open: () => Promise<OpenedStream>,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  const { response, toError, toConnectionError, release } = await open();
  try {
    // A body that is not SSE (a server that ignored `stream: true`) yields no event and ends without [DONE].
    for await (const { data, event } of parseSSE(response.body!)) {
      if (data == "[DONE]") return;
      const value = event == "error" ? 0 : JSON.parse(data);
      if (!value || value.error) {
        let body: unknown = data;
        try {
          body = JSON.parse(data);
        } catch {}
        const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
        const { status, headers } = response;
        throw toError({ status, headers, body, message: typeof message == "string" ? message : data });
      }
      // Chunks that came in the same read as an abort are not handed out after it.
      signal?.throwIfAborted();
      yield value as T;
    }
    throw toConnectionError("stream ended before [DONE]");
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw e instanceof OpenAISwitchError ? e : toConnectionError("stream broke", e);
  } finally {
    release();
  }
}
