// Turns an OpenAI-style SSE response into parsed chunks: stops at [DONE], raises errors sent mid-stream,
// and never lets a cut stream pass for a finished answer.
import { ApiError, ConnectionError, OpenAISwitchError } from "./errors.ts";
import type { Context, Streaming } from "./send.ts";
import { parseSSE } from "./sse.ts";

/** Yields each `data:` event of a streamed call as parsed JSON, until `data: [DONE]`. */
export async function* chunks<T>(c: Context, open: () => Promise<Streaming>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  const { response, release } = await open();
  try {
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("event-stream")) throw new ConnectionError(`expected an event stream, got ${type || "no content-type"}`);
    for await (const e of parseSSE(response.body!)) {
      if (e.data == "[DONE]") return;
      let value: { error?: { message?: string } };
      try {
        value = JSON.parse(e.data);
      } catch (cause) {
        // An `event: error` may carry plain text; anything else unparsable is a broken stream.
        if (e.event != "error") throw new ConnectionError("stream event is not valid JSON", { cause });
        value = { error: { message: e.data } };
      }
      if (e.event == "error" || value?.error) {
        throw new ApiError({ status: response.status, provider: c.provider.name, headers: response.headers, body: value, message: value.error?.message ?? "stream error" });
      }
      yield value as T;
    }
    throw new ConnectionError("stream ended before [DONE]");
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw e instanceof OpenAISwitchError ? e : new ConnectionError("stream broke: " + (e as Error)?.message, { cause: e });
  } finally {
    release();
  }
}
