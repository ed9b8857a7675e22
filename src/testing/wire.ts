// Response bodies on the wire: JSON and server-sent events, with the faults a test can ask for (a stall after
// the head, a cut after N events or bytes), and `fetch`-style abort of a body that is being read.

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

// Events are sent in batches: one write per event would make the server the bottleneck of stream benchmarks.
const EVENTS_PER_CHUNK = 64;

const encoder = new TextEncoder();

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** A body of server-sent events, ending when `events` ends (or where `faults.cutAfter` says). */
export function sseBody(events: Iterator<SseEvent>, faults: BodyFaults = {}): ReadableStream<Uint8Array> {
  const cancelled = new AbortController();
  let sent = 0;
  let stalled = !faults.stallMs;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!stalled) {
        stalled = true;
        await sleep(faults.stallMs ?? 0, cancelled.signal);
        if (cancelled.signal.aborted) return;
      }
      let text = "";
      for (let i = 0; i < EVENTS_PER_CHUNK; i++) {
        const cut = faults.cutAfter !== undefined && sent >= faults.cutAfter;
        const next = cut ? undefined : events.next();
        if (!next || next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        sent++;
        const { event, data } = next.value;
        text += event ? `event: ${event}\ndata: ${data}\n\n` : `data: ${data}\n\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      cancelled.abort();
      faults.onCancel?.();
    },
  });
}

/** A JSON body, stalled or cut as `faults` say; `undefined` when it needs no stream (the common case). */
export function jsonBody(value: unknown, faults: BodyFaults): ReadableStream<Uint8Array> | undefined {
  if (faults.cutAfter === undefined && !faults.stallMs) return undefined;
  let bytes = encoder.encode(JSON.stringify(value));
  if (faults.cutAfter !== undefined) bytes = bytes.subarray(0, faults.cutAfter);
  const cancelled = new AbortController();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      await sleep(faults.stallMs ?? 0, cancelled.signal);
      if (cancelled.signal.aborted) return;
      controller.enqueue(bytes);
      controller.close();
    },
    cancel() {
      cancelled.abort();
      faults.onCancel?.();
    },
  });
}

/**
 * Makes `promise` settle as `fetch` does under `signal`: rejects at once with the signal's reason when it aborts
 * (a response that arrives later has its body cancelled).
 */
export function abortable(promise: Promise<Response>, signal: AbortSignal | null | undefined): Promise<Response> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<Response>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (response) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) {
          response.body?.cancel(signal.reason).catch(() => {});
          return;
        }
        resolve(withAbortableBody(response, signal));
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** The same response whose body read rejects with the signal's reason as soon as it aborts, as real fetch does. */
function withAbortableBody(response: Response, signal: AbortSignal): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  let abort: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      abort = () => {
        controller.error(signal.reason);
        reader.cancel(signal.reason).catch(() => {});
      };
      signal.addEventListener("abort", abort, { once: true });
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (signal.aborted) return;
      if (done) {
        if (abort) signal.removeEventListener("abort", abort);
        controller.close();
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      if (abort) signal.removeEventListener("abort", abort);
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
