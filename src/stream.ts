// Turns an OpenAI-style SSE response into parsed chunks: stops at [DONE], raises errors sent mid-stream,
// and never lets a cut stream pass for a finished answer.
import { ConnectionError, OpenAISwitchError } from "./errors.ts";
import { apiError, type Context } from "./send.ts";
import { parseSSE } from "./sse.ts";

/** Yields each `data:` event of a streamed call as parsed JSON, until `data: [DONE]`. */
export async function* chunks<T>(c: Context, open: () => Promise<Response>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  const response = await open();
  try {
    // A body that is not SSE (a server that ignored `stream: true`) yields no event and ends without [DONE].
    for await (const { data, event } of parseSSE(response.body!)) {
      if (data == "[DONE]") return;
      const value = event == "error" ? 0 : JSON.parse(data);
      if (!value || value.error) throw apiError(c, response.status, response.headers, data);
      // Chunks that came in the same read as an abort are not handed out after it.
      signal?.throwIfAborted();
      yield value as T;
    }
    throw new ConnectionError("stream ended before [DONE]");
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw e instanceof OpenAISwitchError ? e : new ConnectionError("stream broke", { cause: e });
  }
}
