import type { Calls } from "./client.js";
import type { EventStream, ModelResponse, RequestOptions, ResponseCreateRequest, ResponseInputItemList, ResponseInputItemsQuery, ResponseResumeQuery, ResponseRetrieveQuery, ResponseSnapshot, ResponseStreamEvent } from "./types.js";
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
export declare function withOutputText(response: ResponseSnapshot): ModelResponse;
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
export declare function collectResponse(events: AsyncIterable<ResponseStreamEvent>, onEvent?: (event: ResponseStreamEvent) => void): Promise<ModelResponse>;
/**
 * The `responses` namespace of a client: every call is one operation of the table, through `calls`.
 *
 * @example
 * ```ts
 * const responses = createResponses(calls);
 * ```
 */
export declare function createResponses(calls: Calls): Responses;
