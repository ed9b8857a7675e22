/** One server-sent event: `event: <type>` (Responses API) when given, and its `data:` line. */
export interface SseEvent {
    event?: string;
    data: string;
}
/** How a body misbehaves. */
export interface BodyFaults {
    /** Close the body after this many events (a stream) or bytes (JSON), with no error: a cut connection. */
    cutAfter?: number;
    /** Send the head, then nothing for this long, then the body. */
    stallMs?: number;
    /** Called when the reader goes away before the end. */
    onCancel?: () => void;
}
/** A body of server-sent events, ending when `events` ends (or where `faults.cutAfter` says). */
export declare function sseBody(events: Iterator<SseEvent>, faults?: BodyFaults): ReadableStream<Uint8Array>;
/** A JSON body, stalled or cut as `faults` say; `undefined` when it needs no stream (the common case). */
export declare function jsonBody(value: unknown, faults: BodyFaults): ReadableStream<Uint8Array> | undefined;
/**
 * Makes `promise` settle as `fetch` does under `signal`: rejects at once with the signal's reason when it aborts
 * (a response that arrives later has its body cancelled).
 */
export declare function abortable(promise: Promise<Response>, signal: AbortSignal | null | undefined): Promise<Response>;
