// A loopback HTTP server (serve from openai-switch/testing) whose answers are scripted by the test: a status,
// headers and a body the script writes piece by piece, holds open or ends. It records each request and tells the
// test when the client went away (the body is cancelled), which proves a stream's connection was released.
import type { TestContext } from "vitest";
import { serve } from "../../src/testing.ts";

/** A request as the scripted server received it. */
export interface ScriptedRequest {
  method: string;
  /** The path and query, as sent. */
  url: string;
  headers: Record<string, string>;
  /** The body text ("" for none). */
  body: string;
  /** Resolves when the client cancels the response body before the script ended it. */
  released: Promise<void>;
}

/** What a script can do with its answer's body. */
export interface BodyWriter {
  write(text: string): void;
  end(): void;
}

/** Answers a request: the head, then whatever `body` writes (it may end the body, or keep it open). */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body(writer: BodyWriter): void | Promise<void>;
}

export interface ScriptedServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  requests: ScriptedRequest[];
}

const encoder = new TextEncoder();

/** Starts a scripted server for test `t` (closed when it finishes); request N is answered by `script(request, N)`. */
export async function scriptedServer(
  { onTestFinished }: TestContext,
  script: (request: ScriptedRequest, index: number) => ScriptedAnswer,
): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const served = await serve(async (request) => {
    let release = () => {};
    const record: ScriptedRequest = {
      method: request.method,
      url: new URL(request.url).pathname + new URL(request.url).search,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
      released: new Promise((resolve) => {
        release = resolve;
      }),
    };
    requests.push(record);
    const answer = script(record, requests.length - 1);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const writer: BodyWriter = {
          write: (text) => controller.enqueue(encoder.encode(text)),
          end: () => controller.close(),
        };
        return answer.body(writer);
      },
      cancel: () => release(),
    });
    return new Response(body, {
      status: answer.status ?? 200,
      headers: { "content-type": "text/event-stream", ...answer.headers },
    });
  });
  onTestFinished(() => served.close());
  return { url: served.url, requests };
}

/** Rejects if `promise` has not settled within `ms`: for "the server saw the close" waits. */
export const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
    ),
  ]);
