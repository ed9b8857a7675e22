// What the stream suites share: a response whose body delivers exactly the given pieces (one per read), counting
// the reads and whether the body was cancelled, and an OpenedStream built from it that records the errors asked of it.
import { ApiError, ConnectionError, type ConnectionErrorInit, TimeoutError } from "../../src/mod.ts";
import type { OpenedStream, StreamErrorInit } from "../../src/send.ts";

const encoder = new TextEncoder();

/** A scripted body: `reads` counts the reads served, `cancelled` says whether the reader cancelled it. */
export interface ScriptedBody {
  response: Response;
  readonly reads: number;
  readonly cancelled: boolean;
}

/**
 * A 200 whose body delivers `pieces` (strings are UTF-8 encoded), one per read, then closes; with `hold`, it stays
 * open after them instead (a stalled stream).
 */
export function scriptedResponse(
  pieces: (string | Uint8Array)[],
  { hold = false, headers = { "content-type": "text/event-stream" } }: { hold?: boolean; headers?: Record<string, string> } = {},
): ScriptedBody {
  let next = 0;
  let reads = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (next < pieces.length) {
          const piece = pieces[next++]!;
          reads++;
          controller.enqueue(typeof piece == "string" ? encoder.encode(piece) : piece);
        } else if (!hold) controller.close();
        else return new Promise<void>(() => {}); // never: the stream stalls
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    response: new Response(body, { status: 200, headers: { "x-request-id": "req_events", ...headers } }),
    get reads() {
      return reads;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

/**
 * An OpenedStream for `response` whose toError records each init it was given and builds a plain ApiError, and
 * which counts how often the reader released the attempt.
 */
export function openedFor(response: Response): OpenedStream & { errors: StreamErrorInit[]; releases: number } {
  const errors: StreamErrorInit[] = [];
  const opened = {
    response,
    errors,
    releases: 0,
    toError(init: StreamErrorInit) {
      errors.push(init);
      return new ApiError({ status: init.status, provider: "openai", headers: init.headers, body: init.body, message: init.message });
    },
    toConnectionError: (problem: string, init?: ConnectionErrorInit) => new ConnectionError(problem, init),
    toTimeoutError: (timeoutMs: number) => new TimeoutError(`the stream sent nothing for ${timeoutMs} ms`, { timeoutMs, attempts: 1 }),
    release() {
      opened.releases++;
    },
  };
  return opened;
}

/** Runs an iterator to its end, keeping what it yielded and how it ended. */
export async function drain<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error?: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}
