// The JSON events of a streamed response, up to the end its wire style names (end-rules.ts): chat's
// `data: [DONE]`, or a Responses terminal event. Each read is decoded and split into events in one synchronous
// pass; `next()` parses and checks one at a time as it hands them out (already-resolved promises), so an event
// lives only as long as its consumer keeps it. A cut, a stall, or an error the stream carries never passes for an end.
import { onAbort } from "./abort.ts";
import { ConnectionError, OpenAISwitchError } from "./errors.ts";
import type { OpenedStream } from "./send.ts";
import { endName, type EndRule, kindsOf, type TypeKind } from "./end-rules.ts";
import { createSSEParser, type ServerSentEvent } from "./sse.ts";
import { carriedError, isObject, notStreamedError, parseOrKeep } from "./stream-errors.ts";
import type { EventStream } from "./types.ts";

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
  return new EventReader<T>(open, rule, options);
}

/**
 * The state of one stream read by {@link readEvents}. A class rather than closures per stream: its methods are
 * compiled once for every stream a process reads, which is most of what a short stream costs.
 */
class EventReader<T> implements EventStream<T> {
  readonly #open: () => Promise<OpenedStream>;
  readonly #rule: EndRule;
  readonly #signal: AbortSignal | undefined;
  readonly #timeoutMs: number;
  /** The event `type`s the rule names: those that end the stream, and those that are failures. */
  readonly #kinds: Map<string, TypeKind>;
  readonly #parser = createSSEParser();
  readonly #decoder = new TextDecoder();

  #opened: OpenedStream | undefined = undefined;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined = undefined;
  /** The events of the last read, not handed out yet: `pending[head]` is next. */
  #pending: ServerSentEvent[] = [];
  #head = 0;
  /** The body has been read to its end: once `pending` is handed out, nothing more comes. */
  #bodyDone = false;
  /** Nothing more will be read: the end came, or `failure` happened (delivered once the queue is empty). */
  #ended = false;
  #failed = false;
  #failure: unknown = undefined;
  /** The outcome has been delivered, or `return()` was called: every `next()` is done from now on. */
  #closed = false;
  /** The body needs no cancelling: it was read to its end, or has been cancelled. */
  #released = false;
  /** The fill in progress, which a `next()` called meanwhile waits for. */
  #filling: Promise<IteratorResult<T>> | undefined = undefined;
  /** Unregisters the abort callback; set once the body is being read. */
  #unlisten = ignore;

  // One timer for the whole stream, re-armed only when it fires: a read costs a clock reading, not a timer.
  #waiting = false;
  #waitingSince = 0;
  #stalled = false;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(open: () => Promise<OpenedStream>, rule: EndRule, options: ReadEventsOptions) {
    this.#open = open;
    this.#rule = rule;
    this.#signal = options.signal;
    this.#timeoutMs = options.timeoutMs;
    this.#kinds = kindsOf(rule);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#closed) return Promise.resolve({ done: true, value: undefined });
    if (this.#filling) return this.#filling.then(this.#retry, this.#retry);
    const signal = this.#signal;
    if (signal?.aborted) {
      // Events that came in the same read as the abort are not handed out after it.
      this.#closed = true;
      this.#pending = [];
      this.#release();
      return Promise.reject(signal.reason);
    }
    while (this.#head < this.#pending.length && !this.#ended) {
      const event = this.#pending[this.#head++]!;
      try {
        const value = this.#valueOf(event);
        if (value !== undefined) return Promise.resolve({ done: false, value });
      } catch (error) {
        this.#fail(error);
      }
    }
    if (!this.#ended && this.#bodyDone) this.#fail(this.#broken("the stream ended before " + endName(this.#rule)));
    if (this.#ended) {
      this.#closed = true;
      return this.#failed ? Promise.reject(this.#failure) : Promise.resolve({ done: true, value: undefined });
    }
    this.#filling = this.#fill();
    return this.#filling;
  }

  return(value?: unknown): Promise<IteratorResult<T>> {
    this.#closed = true;
    this.#pending = [];
    this.#release();
    return Promise.resolve({ done: true, value });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** A `next()` that waited for a fill asks again once it is over. */
  readonly #retry = () => this.next();

  // (Timers take at most 2^31 - 1 ms: a longer one would fire at once, again and again.)
  #arm(ms: number) {
    return setTimeout(this.#checkStall, Math.min(ms, MAX_TIMER_MS));
  }

  readonly #checkStall = () => {
    this.#timer = undefined;
    if (!this.#waiting) return; // the consumer holds the events: not a stall; the next read arms the timer again
    const silence = performance.now() - this.#waitingSince;
    if (silence < this.#timeoutMs) {
      this.#timer = this.#arm(this.#timeoutMs - silence);
      return;
    }
    this.#stalled = true;
    this.#release(); // the pending read then resolves done, and the reading loop sees `stalled`
  };

  readonly #release = () => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#unlisten();
    // Before the response head there is nothing to cancel yet: start() calls this again when it comes.
    const opened = this.#opened;
    if (!opened) return;
    opened.release(); // the attempt's link to the caller's signal (a second call does nothing)
    if (this.#released) return;
    this.#released = true;
    if (this.#reader) this.#reader.cancel().catch(ignore);
    else opened.response.body?.cancel().catch(ignore);
  };

  /** A ConnectionError naming the call (method and URL, secrets scrubbed) once the head has come. */
  #broken(problem: string, init: { cause?: unknown; status?: number; body?: string } = {}) {
    return this.#opened ? this.#opened.toConnectionError(problem, init) : new ConnectionError(problem, init);
  }

  /** Records how the stream ended badly; it is thrown once the events before it have been handed out. */
  #fail(error: unknown) {
    if (this.#signal?.aborted) error = this.#signal.reason;
    else if (this.#stalled && this.#opened) error = this.#opened.toTimeoutError(this.#timeoutMs);
    else if (!(error instanceof OpenAISwitchError)) error = this.#broken("the stream broke", { cause: error });
    this.#ended = true;
    this.#failed = true;
    this.#failure = error;
    this.#release();
  }

  /**
   * The value an event stands for, checked by the rule: undefined for an event passed over or for the end that is
   * not yielded; throws the error an event carries.
   */
  #valueOf({ data, event }: ServerSentEvent): T | undefined {
    const { doneData, ignoredData, errorEvent, errorKey } = this.#rule;
    if (data === doneData) {
      this.#end();
      return undefined;
    }
    if (data === ignoredData) return undefined;
    // An event named as an error may carry plain text: then the text is the message.
    const named = event !== undefined && event === errorEvent;
    const value: unknown = named ? parseOrKeep(data) : JSON.parse(data);
    if (!isObject(value)) {
      if (named) throw carriedError(this.#opened!, value, [], data);
      throw this.#broken("the stream sent an event that is not a JSON object: " + data.slice(0, 100));
    }
    // One lookup tells whether the event's `type` is a failure or an end (chat chunks have no `type`).
    const { type } = value;
    const kind = typeof type == "string" ? this.#kinds.get(type) : undefined;
    if (kind?.failureAt) throw carriedError(this.#opened!, value, kind.failureAt, data);
    if (errorKey !== undefined && isObject(value[errorKey])) throw carriedError(this.#opened!, value, [errorKey], data);
    if (named) throw carriedError(this.#opened!, value, [], data);
    if (kind?.ends) this.#end();
    return value as T;
  }

  /** The end came: nothing after it is handed out, and the connection goes (the body may still be open). */
  #end() {
    this.#ended = true;
    this.#pending = [];
    this.#release();
  }

  async #start() {
    const signal = this.#signal;
    signal?.throwIfAborted();
    const opened = await this.#open();
    this.#opened = opened;
    const { response } = opened;
    if (this.#closed) return this.#release(); // return() came while the response head was on its way
    signal?.throwIfAborted(); // an injected fetch may have ignored the signal
    if (response.headers.get("content-type")?.includes("application/json")) {
      this.#released = true;
      throw await notStreamedError(opened, response);
    }
    if (!response.body) throw this.#broken("the response has no body", { status: response.status, body: "" });
    this.#reader = response.body.getReader();
    // An injected fetch may ignore the attempt's signal: an abort cancels the body here too (one listener per signal).
    if (signal) this.#unlisten = onAbort(signal, this.#release);
  }

  async #readOnce(source: ReadableStreamDefaultReader<Uint8Array>) {
    this.#waiting = true;
    this.#waitingSince = performance.now();
    this.#timer ??= this.#arm(this.#timeoutMs);
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await source.read();
    } finally {
      this.#waiting = false;
    }
    if (this.#closed) return;
    // A stall or an abort cancelled the body: the read resolved done, but the stream did not end.
    if (this.#stalled || this.#signal?.aborted) throw new ConnectionError("cancelled");
    const text = chunk.done ? this.#decoder.decode() : this.#decoder.decode(chunk.value, STREAMING);
    this.#pending = this.#parser.feed(text, chunk.done);
    this.#head = 0;
    if (chunk.done) {
      // Nothing left to cancel: the timer and the links to the caller's signal go now.
      this.#bodyDone = true;
      this.#released = true;
      this.#release();
    }
  }

  /** Reads until there is an event to hand out or the stream is over, then answers the `next()` that waited. */
  async #fill(): Promise<IteratorResult<T>> {
    try {
      if (!this.#opened) await this.#start();
      while (this.#head == this.#pending.length && !this.#bodyDone && !this.#closed) {
        await this.#readOnce(this.#reader!);
      }
    } catch (error) {
      this.#fail(error);
    }
    this.#filling = undefined;
    return this.next();
  }
}
