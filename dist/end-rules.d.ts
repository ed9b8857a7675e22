/**
 * How a stream of JSON events ends, and which of its events are errors: data read by {@link readEvents}.
 * A stream that closes before its end (`doneData` or a `terminalTypes` event) is a `ConnectionError`.
 *
 * @example
 * ```ts
 * const rule: EndRule = { doneData: "[DONE]", errorKey: "error", errorEvent: "error" }; // = CHAT_END
 * ```
 */
export interface EndRule {
    /**
     * A `data:` payload that ends the stream, not yielded.
     * @example "[DONE]"
     */
    doneData?: string;
    /**
     * A `data:` payload passed over wherever it comes.
     * @example "[DONE]"
     */
    ignoredData?: string;
    /**
     * Event `type`s that are yielded, then end the stream.
     * @example ["response.completed", "response.incomplete"]
     */
    terminalTypes?: readonly string[];
    /**
     * Event `type`s that are failures, each with the keys that lead from the event to the object holding the error's
     * `code`, `message` and `param` (`[]`: the event itself).
     * @example { "response.failed": ["response", "error"], error: [] }
     */
    failureTypes?: Readonly<Record<string, readonly string[]>>;
    /**
     * A key whose value, when it is an object, makes any event an error the stream carried (its `code`, `message`…).
     * @example "error"
     */
    errorKey?: string;
    /**
     * An SSE `event:` name whose data is an error: JSON as above, or plain text (the message).
     * @example "error"
     */
    errorEvent?: string;
}
/**
 * Chat and legacy completions: the stream ends at `data: [DONE]`; an event with an `error` object, or an
 * `event: error`, is the `ApiError` it describes.
 *
 * @example
 * ```ts
 * for await (const chunk of readEvents<ChatCompletionChunk>(open, CHAT_END, { timeoutMs: 60_000 })) print(chunk);
 * ```
 */
export declare const CHAT_END: EndRule;
/**
 * The Responses API: `response.completed` and `response.incomplete` are yielded and end the stream;
 * `response.failed` is an `ApiError` from its `response.error`, an `error` event one from its own `code`,
 * `message` and `param` (the `body` is the event); a `data: [DONE]` is tolerated and not yielded.
 *
 * @example
 * ```ts
 * for await (const event of readEvents<ResponseEvent>(open, RESPONSES_END, { timeoutMs: 60_000 })) print(event.type);
 * ```
 */
export declare const RESPONSES_END: EndRule;
/** What an event `type` named by an {@link EndRule} means (internal). */
export interface TypeKind {
    /** Yielded, then the stream ends. */
    ends?: boolean;
    /** The keys from the event to its error's fields. */
    failureAt?: readonly string[];
}
/** The event `type`s `rule` names, for one lookup per event: those that end the stream, and the failures. */
export declare const kindsOf: (rule: EndRule) => Map<string, TypeKind>;
/** What the stream should have sent before closing, for the error that says it did not. */
export declare const endName: (rule: EndRule) => string;
