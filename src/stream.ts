// Turns an OpenAI-style SSE response into parsed chunks: stops at [DONE], raises errors sent mid-stream,
// and never lets a cut stream pass for a finished answer.
import { ConnectionError, OpenAISwitchError } from "./errors.ts";
import { apiError, type Context, type Streaming } from "./send.ts";
import { parseSSE } from "./sse.ts";

/** Yields each `data:` event of a streamed call as parsed JSON, until `data: [DONE]`. */
export async function* chunks<T>(c: Context, open: () => Promise<Streaming>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  const { response, release } = await open();
  try {
    // A server that ignored `stream: true` must not look like an empty answer.
    if (!/event-stream/.test(response.headers.get("content-type")!)) {
      response.body?.cancel();
      throw new ConnectionError("not an event stream");
    }
    for await (const { data, event } of parseSSE(response.body!)) {
      if (data == "[DONE]") return;
      let value: { error?: { message?: string } } | undefined;
      try {
        value = JSON.parse(data);
      } catch (cause) {
        // An `event: error` may carry plain text; anything else unparsable is a broken stream.
        if (event != "error") throw new ConnectionError("bad stream event", { cause });
      }
      if (event == "error" || value?.error) throw apiError(c, response.status, response.headers, data);
      // Chunks that came in the same read as an abort are not handed out after it.
      signal?.throwIfAborted();
      yield value as T;
    }
    throw new ConnectionError("stream ended before [DONE]");
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw e instanceof OpenAISwitchError ? e : new ConnectionError("stream broke", { cause: e });
  } finally {
    release();
  }
}
