// One script of answers, played two ways: by the scripted loopback server (real HTTP) and by an injected fetch that
// builds the same answers in memory. A test written against `scripted(way, …)` runs over both transports.
import type { TestContext } from "vitest";
import type { FetchLike } from "../../src/mod.ts";
import { serveFor, type Recorded, type Step, type StepFn } from "../fault-server.ts";

/** The two transports every fault test runs over. */
export const WAYS = ["real HTTP", "injected fetch"] as const;
export type Way = (typeof WAYS)[number];

/** A server as the client sees it: where it is, what it received, and (injected) the fetch to reach it. */
export interface Scripted {
  url: string;
  requests: Recorded[];
  /** Set for the injected way: pass it as the client's `fetch`. */
  fetch?: FetchLike;
}

/** An injected fetch that answers `script` like the fault server (replies, `sse`, `reset`, `hang`), recording requests. */
export function scriptedFetch(script: (Step | StepFn)[] | StepFn): { fetch: FetchLike; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    const { pathname, search } = new URL(url);
    const headers = Object.fromEntries(new Headers(init.headers));
    const record: Recorded = { method: String(init.method), url: pathname + search, headers, body: String(init.body ?? ""), at: Date.now() };
    const index = requests.length;
    requests.push(record);
    const entry = typeof script == "function" ? script : script[index];
    const step: Step = !entry
      ? { status: 500, headers: { "x-should-retry": "false" }, body: { error: { message: `scripted fetch: no step for request ${index + 1}` } } }
      : typeof entry == "function"
        ? await entry(record, index)
        : entry;
    if (step.action == "reset") throw new TypeError("fetch failed", { cause: new Error("read ECONNRESET") });
    if (step.action == "hang") {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    if (step.sse) {
      const events = step.sse.map((event) => `data: ${typeof event == "string" ? event : JSON.stringify(event)}\n\n`);
      return new Response(events.join(""), { status: step.status ?? 200, headers: { "content-type": "text/event-stream", ...step.headers } });
    }
    const text = step.body === undefined ? null : typeof step.body == "string" ? step.body : JSON.stringify(step.body);
    const type: Record<string, string> = step.body !== undefined && typeof step.body != "string" ? { "content-type": "application/json" } : {};
    return new Response(text, { status: step.status ?? 200, headers: { ...type, ...step.headers } });
  };
  return { fetch, requests };
}

/** `script` served the given way for the test `t` (the server is closed when the test ends). */
export async function scripted(way: Way, t: TestContext, script: (Step | StepFn)[] | StepFn): Promise<Scripted> {
  if (way == "real HTTP") return serveFor(t, script);
  const { fetch, requests } = scriptedFetch(script);
  return { url: "https://scripted.test", requests, fetch };
}
