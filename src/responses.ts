// The Responses API: `client.responses` (create, stream, retrieve, resume, cancel, delete, inputItems) over the
// operations table, and `collectResponse`, which turns a stream of events into the final response.
import { ConnectionError } from "./errors.ts";
import type { ModelResponse, ResponseSnapshot, ResponseStreamEvent } from "./types.ts";

/**
 * Adds `output_text` to a response as the official SDK computes it: every `output_text` part of every `message`
 * item, joined. Mutates and returns `response` (a freshly parsed object, or the terminal event's).
 */
export function withOutputText(response: ResponseSnapshot): ModelResponse {
  let text = "";
  // A response without `output` (a gateway's, an old preview's) has no text rather than a TypeError.
  for (const item of response.output ?? []) {
    if (item.type != "message") continue;
    for (const part of item.content) {
      if (part.type == "output_text") text += part.text;
    }
  }
  return Object.assign(response, { output_text: text });
}

/**
 * Awaits a Responses stream and resolves to the final response (the `response` of its `response.completed` or
 * `response.incomplete` event) with `output_text`, calling `onEvent` for each event on the way. A stream that
 * ends before either is a {@link ConnectionError}; `response.failed` and `error` events reject the stream itself.
 *
 * @example
 * ```ts
 * const final = await collectResponse(client.responses.stream({ model: "gpt-4.1", input: "Hi" }), (event) => {
 *   if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
 * });
 * console.log(final.status, final.output_text, final.usage);
 * ```
 */
export async function collectResponse(
  events: AsyncIterable<ResponseStreamEvent>,
  onEvent?: (event: ResponseStreamEvent) => void,
): Promise<ModelResponse> {
  for await (const event of events) {
    onEvent?.(event);
    // Leaving the loop here ends the stream (and releases its connection) even if the source would go on.
    if (event.type == "response.completed" || event.type == "response.incomplete") return withOutputText(event.response);
  }
  throw new ConnectionError("the stream ended before response.completed or response.incomplete");
}
