// The JSON events of a streamed response, up to the end its wire style names: chat's `data: [DONE]`, or a
// Responses terminal event. Each read is decoded, parsed and checked in one synchronous pass, and its events wait
// in a queue that `next()` hands out as already-resolved promises. A cut, a stall, or an error the stream
// carries never passes for an end.
import { onAbort } from "./abort.ts";
import { type ApiError, ConnectionError, OpenAISwitchError } from "./errors.ts";
import type { OpenedStream } from "./send.ts";
import { createSSEParser, type ServerSentEvent } from "./sse.ts";
import type { EventStream } from "./types.ts";

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
export const CHAT_END: EndRule = { doneData: "[DONE]", errorKey: "error", errorEvent: "error" };

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
export const RESPONSES_END: EndRule = {
  ignoredData: "[DONE]",
  terminalTypes: ["response.completed", "response.incomplete"],
  failureTypes: { "response.failed": ["response", "error"], error: [] },
  errorKey: "error",
  errorEvent: "error",
};

/**
 * Options of {@link readEvents}.
 *
 * @example
 * ```ts
 * const options: ReadEventsOptions = { signal: controller.signal, timeoutMs: 60_000 };
 * ```
 */
export interface ReadEventsOptions {
  /** Aborting rejects the next `next()` with the signal's reason and cancels the body. */
  signal?: AbortSignal;
  /** The longest silence between reads of the body: a stream that stalls longer ends in `TimeoutError`. */
  timeoutMs: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** `decode` options between the pieces of a stream (one object, not one per read). */
const STREAMING = { stream: true };

const ignore = () => {};

/** The JSON `text` holds, or the text itself when it is not JSON. */
const parseOrKeep = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value == "object" && value !== null;

/** A field of an error as ApiError keeps it: a string (Azure sends `code` as "429" or 429), or undefined. */
const asText = (value: unknown): string | undefined => (value == null ? undefined : String(value));

/**
 * The JSON events of a streamed response, as an iterator. `open` is called at the first `next()` (so the request
 * is sent then); each event is yielded until the stream's end as `rule` defines it.
 * - An error the stream carries rejects with the `ApiError` `toError` builds, after the events before it.
 * - A stream that closes before its end, or breaks, rejects with `ConnectionError`.
 * - Silence longer than `timeoutMs` while waiting for the next read rejects with `TimeoutError` (the body is
 *   cancelled); a consumer that is slow to call `next()` is never timed out.
 * - A 200 that is `application/json` rather than a stream: the `ApiError` its `error` object describes, else a
 *   `ConnectionError` saying the server did not stream, with the `status` and the `body` text.
 * - `return()` (a `break`) cancels the body at once, even while a `next()` waits for data (that `next()` then
 *   resolves done); aborting `signal` rejects the next `next()` with its reason, and events that arrived with or
 *   after the abort are not handed out.
 *
 * @example
 * ```ts
 * const open = () => send(settings, { method: "POST", url, body, stream: true });
 * for await (const chunk of readEvents<ChatCompletionChunk>(open, CHAT_END, { timeoutMs: 60_000 })) {
 *   console.log(chunk.choices[0]?.delta?.content);
 * }
 * ```
 */
export function readEvents<T>(
  open: () => Promise<OpenedStream>,
  rule: EndRule,
  options: ReadEventsOptions,
): EventStream<T> {
  const { signal, timeoutMs } = options;
  const terminal = new Set(rule.terminalTypes);
  const failures = new Map(Object.entries(rule.failureTypes ?? {}));
  const endName = rule.doneData !== undefined ? "data: " + rule.doneData : [...terminal].join(" or ");
  const parser = createSSEParser();
  const decoder = new TextDecoder();

  let opened: OpenedStream | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  /** Events parsed and not handed out yet: `queue[head]` is next. */
  let queue: T[] = [];
  let head = 0;
  /** Nothing more will be read: the end came, or `failure` happened (delivered once the queue is empty). */
  let ended = false;
  let failed = false;
  let failure: unknown;
  /** The outcome has been delivered, or `return()` was called: every `next()` is done from now on. */
  let closed = false;
  /** The body needs no cancelling: it was read to its end, or has been cancelled. */
  let released = false;
  /** The fill in progress, which a `next()` called meanwhile waits for. */
  let filling: Promise<IteratorResult<T>> | undefined;

  // One timer for the whole stream, re-armed only when it fires: a read costs a clock reading, not a timer.
  // (Timers take at most 2^31 - 1 ms: a longer one would fire at once, again and again.)
  const arm = (ms: number) => setTimeout(checkStall, Math.min(ms, MAX_TIMER_MS));
  let waiting = false;
  let waitingSince = 0;
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const checkStall = () => {
    timer = undefined;
    if (!waiting) return; // the consumer holds the events: not a stall; the next read arms the timer again
    const silence = performance.now() - waitingSince;
    if (silence < timeoutMs) {
      timer = arm(timeoutMs - silence);
      return;
    }
    stalled = true;
    release(); // the pending read then resolves done, and the reading loop sees `stalled`
  };

  /** Unregisters the abort callback; set once the body is being read. */
  let unlisten = ignore;

  function release() {
    clearTimeout(timer);
    timer = undefined;
    unlisten();
    // Before the response head there is nothing to cancel yet: start() calls this again when it comes.
    if (released || !opened) return;
    released = true;
    opened.release(); // the attempt's link to the caller's signal
    if (reader) reader.cancel().catch(ignore);
    else opened.response.body?.cancel().catch(ignore);
  }

  /** A ConnectionError naming the call (method and URL, secrets scrubbed) once the head has come. */
  const broken = (problem: string, init: { cause?: unknown; status?: number; body?: string } = {}) =>
    opened ? opened.toConnectionError(problem, init) : new ConnectionError(problem, init);

  /** Records how the stream ended badly; it is thrown once the events before it have been handed out. */
  function fail(error: unknown) {
    if (signal?.aborted) error = signal.reason;
    else if (stalled && opened) error = opened.toTimeoutError(timeoutMs);
    else if (!(error instanceof OpenAISwitchError)) error = broken("the stream broke", { cause: error });
    ended = true;
    failed = true;
    failure = error;
    release();
  }

  /** The ApiError for an error the stream carried in `body`, its fields found at `keys` (fallback: `text`). */
  function carried(body: unknown, keys: readonly string[], text: string): ApiError {
    let fields: unknown = body;
    for (const key of keys) fields = isObject(fields) ? fields[key] : undefined;
    const error = isObject(fields) ? fields : {};
    const { response, toError } = opened!;
    return toError({
      status: response.status,
      headers: response.headers,
      body,
      message: typeof error.message == "string" ? error.message : text,
      code: asText(error.code),
      param: asText(error.param),
      type: asText(error.type),
    });
  }

  /** Where the `code`/`message`/`param` of an event that is an error are (keys from the event), else undefined. */
  function errorKeys(value: Record<string, unknown>, named: boolean): readonly string[] | undefined {
    const keys = failures.get(value.type as string);
    if (keys) return keys;
    if (rule.errorKey !== undefined && isObject(value[rule.errorKey])) return [rule.errorKey];
    return named ? [] : undefined;
  }

  /** Queues one read's events, in one pass; throws the first error an event carries (the queue keeps those before). */
  function take(events: ServerSentEvent[]) {
    for (const { data, event } of events) {
      if (data === rule.doneData) {
        ended = true;
        return;
      }
      if (data === rule.ignoredData) continue;
      // An event named as an error may carry plain text: then the text is the message.
      const named = event !== undefined && event === rule.errorEvent;
      const value: unknown = named ? parseOrKeep(data) : JSON.parse(data);
      if (!isObject(value)) {
        if (named) throw carried(value, [], data);
        throw broken("the stream sent an event that is not a JSON object: " + data.slice(0, 100));
      }
      const keys = errorKeys(value, named);
      if (keys) throw carried(value, keys, data);
      queue.push(value as T);
      if (terminal.has(value.type as string)) {
        ended = true;
        return;
      }
    }
  }

  /** The ApiError or ConnectionError for a 200 that answered with JSON instead of a stream. */
  async function notStreamed(response: Response): Promise<OpenAISwitchError> {
    const type = response.headers.get("content-type");
    const text = await response.text();
    const body = parseOrKeep(text);
    // Both APIs put a refusal in an `error` object, whatever their stream looks like.
    if (isObject(body) && isObject(body.error)) return carried(body, ["error"], text);
    const problem = `the server did not stream: a ${response.status} with content-type ${type}`;
    return broken(problem, { status: response.status, body: text });
  }

  async function start() {
    signal?.throwIfAborted();
    opened = await open();
    const { response } = opened;
    if (closed) return release(); // return() came while the response head was on its way
    signal?.throwIfAborted(); // an injected fetch may have ignored the signal
    if (response.headers.get("content-type")?.includes("application/json")) {
      released = true;
      throw await notStreamed(response);
    }
    if (!response.body) throw broken("the response has no body", { status: response.status, body: "" });
    reader = response.body.getReader();
    // An injected fetch may ignore the attempt's signal: an abort cancels the body here too (one listener per signal).
    if (signal) unlisten = onAbort(signal, release);
  }

  async function readOnce(source: ReadableStreamDefaultReader<Uint8Array>) {
    queue.length = 0;
    head = 0;
    waiting = true;
    waitingSince = performance.now();
    timer ??= arm(timeoutMs);
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await source.read();
    } finally {
      waiting = false;
    }
    if (closed) return;
    // A stall or an abort cancelled the body: the read resolved done, but the stream did not end.
    if (stalled || signal?.aborted) throw new ConnectionError("cancelled");
    if (chunk.done) released = true;
    take(parser.feed(chunk.done ? decoder.decode() : decoder.decode(chunk.value, STREAMING), chunk.done));
    if (chunk.done && !ended) throw broken("the stream ended before " + endName);
  }

  /** Reads until there is an event to hand out or the stream is over, then answers the `next()` that waited. */
  async function fill(): Promise<IteratorResult<T>> {
    try {
      if (!opened) await start();
      while (head == queue.length && !ended && !closed) await readOnce(reader!);
      if (ended && !failed) release(); // the end came before the body's own: let the connection go
    } catch (error) {
      fail(error);
    }
    filling = undefined;
    return iterator.next();
  }

  const iterator: EventStream<T> = {
    next(): Promise<IteratorResult<T>> {
      if (closed) return Promise.resolve({ done: true, value: undefined });
      if (filling) return filling.then(iterator.next, iterator.next);
      if (signal?.aborted) {
        // Events that came in the same read as the abort are not handed out after it.
        closed = true;
        queue = [];
        release();
        return Promise.reject(signal.reason);
      }
      if (head < queue.length) return Promise.resolve({ done: false, value: queue[head++]! });
      if (ended) {
        closed = true;
        return failed ? Promise.reject(failure) : Promise.resolve({ done: true, value: undefined });
      }
      filling = fill();
      return filling;
    },
    return(value?: unknown): Promise<IteratorResult<T>> {
      closed = true;
      queue = [];
      release();
      return Promise.resolve({ done: true, value });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
