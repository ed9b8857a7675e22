// A scripted loopback HTTP server for fault injection: the Nth request gets step N (a reply, a slow reply, a reset,
// a cut body or stream), and every request is recorded. Plus what the fault suites share: a server per test,
// clients carrying a suite's own keys, common replies, a rejection that must carry no secret, and a port where
// nothing listens.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { inspect } from "node:util";
import type { TestContext } from "vitest";
import { createClient, type AzureConfig, type Client, type OpenAIConfig } from "../src/mod.ts";

/** A request as the server received it. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `Date.now()` when the request head arrived. */
  at: number;
}

/** How to answer one request. Fields combine; `action` overrides the normal reply. */
export interface Step {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (with a JSON content-type unless `headers` gives one). */
  body?: unknown;
  /** Wait this long before sending the status line (a slow server). */
  delayMs?: number;
  /** Send the head at once, the body after this long (Infinity: never). */
  bodyDelayMs?: number;
  /** An event stream: each item is one `data:` event (objects as JSON), then the stream ends (or see "cut"). */
  sse?: unknown[];
  /** Pause before each SSE event. */
  sseDelayMs?: number;
  /**
   * - `reset`: read the request, then reset the TCP connection without an answer.
   * - `hang`: never answer (until the client goes away or the server closes).
   * - `truncate`: announce the whole body's content-length, send its first half, then destroy the socket.
   * - `cut`: send the head and the SSE events (or the body), then destroy the socket instead of ending.
   */
  action?: "reset" | "hang" | "truncate" | "cut";
}

/** A step computed from the request (and its index), for answers that depend on what was sent. */
export type StepFn = (request: Recorded, index: number) => Step | Promise<Step>;

export interface FaultServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Every request received, in order of arrival. */
  requests: Recorded[];
  close(): Promise<void>;
}

const wait = (ms: number, timers: Set<NodeJS.Timeout>) =>
  new Promise<void>((resolve) => {
    if (ms == Infinity) return; // never: the connection's end or close() ends the story
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });

/**
 * Starts the server on an ephemeral 127.0.0.1 port. `script` is a list (request N gets step N) or a function of
 * each request. A request beyond the list gets a 500 with `x-should-retry: false`, so it shows up in counts.
 */
export async function startFaultServer(script: (Step | StepFn)[] | StepFn): Promise<FaultServer> {
  const requests: Recorded[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req, res) => {
    const at = Date.now();
    const index = requests.length;
    const record: Recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: "", at };
    requests.push(record);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      // The client went away while sending (an abort): the request stays recorded, and there is no one to answer.
      record.body = Buffer.concat(chunks).toString("utf8");
      return;
    }
    record.body = Buffer.concat(chunks).toString("utf8");
    const entry = typeof script == "function" ? script : script[index];
    const step: Step = !entry
      ? { status: 500, headers: { "x-should-retry": "false" }, body: { error: { message: `fault-server: no step for request ${index + 1}` } } }
      : typeof entry == "function"
        ? await entry(record, index)
        : entry;
    await play(step, res, req.socket, timers).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function play(step: Step, res: ServerResponse, socket: Socket, timers: Set<NodeJS.Timeout>): Promise<void> {
  const gone = () => res.destroyed || socket.destroyed;
  if (step.action == "reset") return void socket.resetAndDestroy();
  if (step.action == "hang") return;
  if (step.delayMs) await wait(step.delayMs, timers);
  if (gone()) return;
  const headers: Record<string, string> = { ...step.headers };
  const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() == name);
  if (step.sse) {
    if (!has("content-type")) headers["content-type"] = "text/event-stream";
    res.writeHead(step.status ?? 200, headers);
    res.flushHeaders();
    for (const event of step.sse) {
      if (step.sseDelayMs) await wait(step.sseDelayMs, timers);
      if (gone()) return;
      res.write(`data: ${typeof event == "string" ? event : JSON.stringify(event)}\n\n`);
    }
    if (step.action == "cut") return void setTimeout(() => socket.destroy(), 20); // let the events reach the client first
    return void res.end();
  }
  const text = step.body === undefined ? "" : typeof step.body == "string" ? step.body : JSON.stringify(step.body);
  if (step.body !== undefined && typeof step.body != "string" && !has("content-type")) headers["content-type"] = "application/json";
  const bytes = Buffer.from(text);
  if (!has("content-length") && step.action != "cut") headers["content-length"] = String(bytes.length);
  res.writeHead(step.status ?? 200, headers);
  if (step.action == "truncate") {
    res.write(bytes.subarray(0, bytes.length >> 1));
    return void setTimeout(() => socket.destroy(), 20);
  }
  if (step.bodyDelayMs) {
    res.flushHeaders();
    await wait(step.bodyDelayMs, timers);
    if (gone()) return;
  }
  if (step.action == "cut") {
    res.write(bytes);
    return void setTimeout(() => socket.destroy(), 20);
  }
  res.end(bytes);
}

/** A loopback port where nothing listens: connecting to it is refused. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Where any of `secrets` shows in `error` as a user could see it: message, String(), JSON, stack, inspect, causes. */
export function secretLeaks(error: unknown, secrets: string[]): string[] {
  const found: string[] = [];
  const look = (where: string, text: unknown) => {
    for (const secret of secrets) if (typeof text == "string" && text.includes(secret)) found.push(`${where} contains ${secret}`);
  };
  let e: unknown = error;
  for (let depth = 0, at = "error"; e != null && depth < 8; depth++, at += ".cause") {
    if (typeof e == "object") {
      const x = e as { message?: unknown; stack?: unknown; cause?: unknown };
      look(at + ".message", x.message);
      look(at + ".stack", x.stack);
      look(`String(${at})`, String(e));
      let json: string | undefined;
      try {
        json = JSON.stringify(e);
      } catch {}
      look(`JSON.stringify(${at})`, json);
      e = x.cause;
    } else {
      look(at, String(e));
      e = undefined;
    }
  }
  look("inspect(error)", inspect(error, { depth: Infinity }));
  return found;
}

/** Awaits a promise that must reject; throws if it resolves or if the error shows a secret. Returns the error. */
export async function rejection(promise: Promise<unknown>, secrets: string[]): Promise<any> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error("expected a rejection, the call resolved");
  const leaks = secretLeaks(error, secrets);
  if (leaks.length) throw new Error("secret leaked: " + leaks.join("; "), { cause: error });
  return error;
}

/** A chat completion as OpenAI sends it. */
export const chatCompletion = (content: string, finish_reason = "stop") => ({
  id: "chatcmpl-fault",
  object: "chat.completion",
  created: 1_700_000_000,
  model: "gpt-4o",
  choices: [{ index: 0, message: { role: "assistant", content }, finish_reason }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
});

/** One streamed chat chunk carrying `content`. */
export const chatChunk = (content: string, finish_reason: string | null = null) => ({
  id: "chatcmpl-fault",
  object: "chat.completion.chunk",
  created: 1_700_000_000,
  model: "gpt-4o",
  choices: [{ index: 0, delta: { content }, finish_reason }],
});

/** The request body a recorded request carried, parsed. */
export const bodyOf = (request: Recorded | undefined): any => JSON.parse(request?.body ?? "null");

/** Starts a fault server (see startFaultServer) for the test `t`, closed when that test finishes. */
export async function serveFor({ onTestFinished }: TestContext, script: (Step | StepFn)[] | StepFn): Promise<FaultServer> {
  const server = await startFaultServer(script);
  onTestFinished(() => server.close());
  return server;
}

/**
 * Client factories for a suite's own keys (each suite has distinct secrets, so a leak is traced to its suite),
 * pointed at a server's `url`: a fault server, or any loopback origin such as a refused port.
 */
export function clientsFor(keys: { openai: string; azure?: string }) {
  return {
    openai: (server: { url: string }, config: Partial<OpenAIConfig> = {}): Client =>
      createClient({ provider: "openai", apiKey: keys.openai, baseURL: server.url + "/v1", ...config } as OpenAIConfig),
    azure: (server: { url: string }, config: Partial<AzureConfig> = {}): Client =>
      createClient({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21", apiKey: keys.azure, ...config } as AzureConfig),
  };
}

/** The chat request the fault suites send. */
export const HI = { model: "gpt-4o", messages: [{ role: "user" as const, content: "Hi" }] };

/** A 200 with a chat completion saying `text`. */
export const ok = (text = "fine"): Step => ({ body: chatCompletion(text) });

/** A retry hint short enough to keep retrying tests fast. */
export const RETRY_SOON = { "retry-after-ms": "5" };

/** An error reply `{ error: { message, type: "server_error", code } }`, by default asking to be retried soon. */
export const failure = (
  status: number,
  { headers = RETRY_SOON, message = `failure ${status}`, code }: { headers?: Record<string, string>; message?: string; code?: string } = {},
): Step => ({ status, headers, body: { error: { message, type: "server_error", code } } });

/** Resolves after `ms` milliseconds. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
