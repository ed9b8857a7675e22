// The Responses API: `client.responses` (create, stream, retrieve, resume, cancel, delete, inputItems), each call
// one operation of the table sent through the client's calls, and `collectResponse`, which turns a stream of
// events into the final response. Nothing here differs by provider: the route forms live in providers.ts.
import type { Calls } from "./client.ts";
import { check, ConnectionError } from "./errors.ts";
import { RESPONSES_END } from "./end-rules.ts";
import { readEvents } from "./events.ts";
import type { OperationName } from "./operations.ts";
import type { Where } from "./providers.ts";
import type {
  EventStream,
  ModelResponse,
  RequestOptions,
  ResponseCreateRequest,
  ResponseInputItemList,
  ResponseInputItemsQuery,
  ResponseResumeQuery,
  ResponseRetrieveQuery,
  ResponseSnapshot,
  ResponseStreamEvent,
} from "./types.ts";

/**
 * `client.responses`: OpenAI's Responses API, the same calls on OpenAI, Azure's v1 API and dated Azure versions
 * from `2025-03-01-preview` on (an older one is a ConfigError at the call, before any request).
 *
 * @example
 * ```ts
 * const r = await client.responses.create({ model: "gpt-4.1", input: "Hi", instructions: "Be brief" });
 * console.log(r.output_text, r.id, r.status, r.usage);
 * ```
 */
export interface Responses {
  /**
   * `POST …/responses`: resolves to the response, with `output_text`.
   *
   * @example
   * ```ts
   * const r = await client.responses.create({ model: "gpt-4.1", input: "Hi" });
   * ```
   */
  create(request: ResponseCreateRequest, options?: RequestOptions): Promise<ModelResponse>;
  /**
   * `POST …/responses` with `stream: true`, sent at the first `next()`: yields each event up to and including
   * `response.completed` or `response.incomplete`. `response.failed` and `error` events reject with ApiError; a
   * stream that closes before its end is a ConnectionError. `break` or an abort releases the connection.
   *
   * @example
   * ```ts
   * for await (const event of client.responses.stream({ model: "gpt-4.1", input: "Hi" }, { signal })) {
   *   if (event.type === "response.output_text.delta") console.log(event.delta);
   * }
   * ```
   */
  stream(request: ResponseCreateRequest, options?: RequestOptions): EventStream<ResponseStreamEvent>;
  /**
   * `GET …/responses/{id}`: a stored response as it stands (poll a background one until it is no longer `queued`
   * or `in_progress`), with `output_text`.
   *
   * @example
   * ```ts
   * const job = await client.responses.retrieve("resp_123");
   * ```
   */
  retrieve(id: string, query?: ResponseRetrieveQuery, options?: RequestOptions): Promise<ModelResponse>;
  /**
   * `GET …/responses/{id}?stream=true&starting_after=N`: the events of a streamed background response after
   * sequence number N, then the live ones, with the same end rules as {@link Responses.stream}.
   *
   * @example
   * ```ts
   * const final = await collectResponse(client.responses.resume("resp_123", { starting_after: 41 }));
   * ```
   */
  resume(id: string, query?: ResponseResumeQuery, options?: RequestOptions): EventStream<ResponseStreamEvent>;
  /**
   * `POST …/responses/{id}/cancel`: stops a background response; resolves to it (`status: "cancelled"`).
   *
   * @example
   * ```ts
   * await client.responses.cancel("resp_123");
   * ```
   */
  cancel(id: string, options?: RequestOptions): Promise<ModelResponse>;
  /**
   * `DELETE …/responses/{id}`: deletes a stored response.
   *
   * @example
   * ```ts
   * await client.responses.delete("resp_123");
   * ```
   */
  delete(id: string, options?: RequestOptions): Promise<void>;
  /**
   * `GET …/responses/{id}/input_items`: one page of the items the response was given.
   *
   * @example
   * ```ts
   * const page = await client.responses.inputItems("resp_123", { limit: 100, order: "asc" });
   * ```
   */
  inputItems(id: string, query?: ResponseInputItemsQuery, options?: RequestOptions): Promise<ResponseInputItemList>;
}

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
    if (event.type == "response.completed" || event.type == "response.incomplete") {
      return withOutputText(event.response);
    }
  }
  throw new ConnectionError("the stream ended before response.completed or response.incomplete");
}

/** `value` is undefined, or an integer from `min` to `max`; else a ConfigError naming `name`. */
const optionalInteger = (value: unknown, name: string, min: number, max: number) => {
  const ok = value === undefined || (Number.isInteger(value) && (value as number) >= min && (value as number) <= max);
  check(ok, `${name} must be an integer from ${min} to ${max}`);
};

/** The query of `retrieve` and `resume`: `include` goes as `include[]`, once per value. */
const includeQuery = (query: ResponseRetrieveQuery | undefined) => ({ "include[]": query?.include });

/**
 * The `responses` namespace of a client: every call is one operation of the table, through `calls`.
 *
 * @example
 * ```ts
 * const responses = createResponses(calls);
 * ```
 */
export function createResponses(calls: Calls): Responses {
  // Both helpers take what `calls` takes, in its order: operation, body, options, then id and query.
  const response = async (
    operation: OperationName,
    request: object | undefined,
    options?: RequestOptions,
    where?: Where,
  ) => {
    const snapshot = (await calls.call(operation, request, options, where)) as ResponseSnapshot;
    return withOutputText(snapshot);
  };

  const events = (operation: OperationName, request: object | undefined, options?: RequestOptions, where?: Where) => {
    // Checked now, so that bad arguments (an old api-version, a bad id) throw at the call, not at the first next().
    calls.validate(operation, request, where);
    const open = () => calls.open(operation, request, options, where);
    return readEvents<ResponseStreamEvent>(open, RESPONSES_END, {
      signal: options?.signal,
      timeoutMs: calls.timeoutMs(options),
    });
  };

  const created = (request: ResponseCreateRequest) => {
    // create() parses one JSON answer: a streamed reply would fail to parse, after being billed.
    check(!request?.stream, "stream: true is for responses.stream(), which yields the events");
    return request;
  };

  return {
    // Async, so that a refused request rejects the promise like every other failure.
    create: async (request, options) => response("responses.create", created(request), options),
    stream: (request, options) => events("responses.create", request, options),
    retrieve: (id, query, options) =>
      response("responses.retrieve", undefined, options, { id, query: includeQuery(query) }),
    resume(id, query, options) {
      optionalInteger(query?.starting_after, "starting_after", 0, Number.MAX_SAFE_INTEGER);
      const where = {
        id,
        query: {
          stream: true,
          starting_after: query?.starting_after,
          ...includeQuery(query),
          include_obfuscation: query?.include_obfuscation,
        },
      };
      return events("responses.resume", undefined, options, where);
    },
    cancel: (id, options) => response("responses.cancel", undefined, options, { id }),
    async delete(id, options) {
      await calls.call("responses.delete", undefined, options, { id });
    },
    async inputItems(id, query, options) {
      optionalInteger(query?.limit, "limit", 1, 100);
      check(
        query?.order === undefined || query.order == "asc" || query.order == "desc",
        'order must be "asc" or "desc"',
      );
      const { after, limit, order } = query ?? {};
      const where = { id, query: { after, limit, order, ...includeQuery(query) } };
      return (await calls.call("responses.inputItems", undefined, options, where)) as ResponseInputItemList;
    },
  };
}
