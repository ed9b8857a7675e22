// What a provider's requests look like when they reach a server, captured two ways: real HTTP to the emulator, and
// an injected `fetch` spy. The request tables of openai-requests.test.ts and azure-requests.test.ts run over both.
import type { Client, FetchLike } from "../src/mod.ts";
import { createEmulator } from "../src/testing.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

/** Headers the HTTP stack adds by itself; everything else the server gets must come from the library or the user. */
const STACK_HEADERS = new Set(["host", "connection", "content-length", "user-agent", "accept-encoding", "accept-language", "sec-fetch-mode"]);

/** A request as a server received it. */
export interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const withoutStackHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !STACK_HEADERS.has(name.toLowerCase())));

/**
 * A fetch that records what it is given, then answers like the service through an in-process emulator
 * (`root`, when given, is the gateway prefix the emulator does not know: it is cut off before answering).
 */
export function spyFetch(root?: string) {
  const emulator = createEmulator();
  const seen: Seen[] = [];
  const fetch: FetchLike = (url, init) => {
    seen.push({ method: String(init.method), url, headers: Object.fromEntries(new Headers(init.headers)), body: JSON.parse(String(init.body)) });
    return emulator.fetch(root ? url.replace(root, "http://emulator.test") : url, init);
  };
  return { fetch, seen };
}

/** How a provider's clients are pointed at a server. */
export interface Target<Config> {
  /** The client's root on a server at `origin`: OpenAI's baseURL, Azure's endpoint. */
  rootAt(origin: string): string;
  /** A client whose root is `root`, with `config` over the provider's defaults. */
  client(root: string, config: Partial<Config>): Client;
}

export interface Transport<Config> {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The root (baseURL or endpoint) that reaches this transport's server. */
  root(): string;
  client(config: Partial<Config>): Client;
  /** What the server received since the last call, with the HTTP stack's own headers removed. */
  take(): Seen[];
}

/** Requests sent over real HTTP to the emulator on a loopback port. */
function overHttp<Config>(target: Target<Config>): Transport<Config> {
  let server: EmulatorServer;
  return {
    name: "real HTTP (emulator)",
    async start() {
      server = await startEmulator();
    },
    stop: () => server.close(),
    root: () => target.rootAt(server.url),
    client: (config) => target.client(target.rootAt(server.url), config),
    take() {
      const seen = server.emulator.requests.map((r) => ({ ...r, headers: withoutStackHeaders(r.headers) }) as Seen);
      server.emulator.reset();
      return seen;
    },
  };
}

/** Requests handed to an injected fetch, for a server at `origin` that is never contacted. */
function overInjectedFetch<Config>(target: Target<Config>, origin: string): Transport<Config> {
  const spy = spyFetch();
  return {
    name: "injected fetch",
    start: async () => {},
    stop: async () => {},
    root: () => target.rootAt(origin),
    client: (config) => target.client(target.rootAt(origin), { fetch: spy.fetch, ...config }),
    take: () => spy.seen.splice(0),
  };
}

/** Both transports for a provider; `origin` is the host the injected fetch pretends to reach. */
export const transports = <Config>(target: Target<Config>, origin: string): Transport<Config>[] => [overHttp(target), overInjectedFetch(target, origin)];
