// A fetch for tests that records every request exactly as the client handed it over (method, URL, headers, raw
// body) and answers with a Response computed from it; the server it names is never contacted.
import type { FetchLike } from "../../src/mod.ts";

/** A request as the injected fetch received it. */
export interface FetchedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as sent (undefined when there was none). */
  body: string | undefined;
}

/** A recording fetch answering each request with `answer(request, index)`. */
export function recordingFetch(answer: (request: FetchedRequest, index: number) => Response | Promise<Response>) {
  const requests: FetchedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request: FetchedRequest = {
      method: init.method ?? "GET",
      url,
      headers: Object.fromEntries(new Headers(init.headers)),
      body: init.body == null ? undefined : String(init.body),
    };
    requests.push(request);
    return answer(request, requests.length - 1);
  };
  return { fetch, requests };
}
