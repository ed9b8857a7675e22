// Plain-HTTP access to the emulator, the way any user's HTTP client (or another language) talks to it: the three
// route forms of the Responses API, and a reader of server-sent events that keeps each event's `event:` line.

/** A route form of the services: where its paths start, its query, its auth, and the model it calls. */
export interface Form {
  name: string;
  /** `/v1`, `/openai/v1` or `/openai` */
  prefix: string;
  /** `?api-version=…` on the dated form, empty otherwise. */
  query: string;
  headers: Record<string, string>;
}

export const FORMS: Form[] = [
  { name: "OpenAI", prefix: "/v1", query: "", headers: { authorization: "Bearer sk-test" } },
  { name: "Azure v1", prefix: "/openai/v1", query: "", headers: { "api-key": "azure-key" } },
  { name: "Azure dated", prefix: "/openai", query: "?api-version=2025-04-01-preview", headers: { "api-key": "azure-key" } },
];

/** `form`'s URL for `path` (which may have its own query) on the server at `origin`. */
export function urlOf(origin: string, form: Form, path: string): string {
  const [pathname, own] = path.split("?");
  const query = [form.query.slice(1), own].filter(Boolean).join("&");
  return `${origin}${form.prefix}/${pathname}${query ? "?" + query : ""}`;
}

export interface Answer {
  status: number;
  headers: Headers;
  // Test code reads deep into bodies; the assertions check the shapes.
  body: any;
}

/** One call with plain fetch: JSON in, JSON out. */
export async function callJson(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A server-sent event as it came: its `event:` name (if any) and its data, parsed when it is JSON. */
export interface WireEvent {
  event?: string;
  data: any;
}

/** Every event of an SSE response body, in order (a `[DONE]` is kept as the string). */
export async function readSse(response: Response): Promise<WireEvent[]> {
  const text = await response.text();
  const events: WireEvent[] = [];
  for (const block of text.split("\n\n")) {
    if (!block.trim()) continue;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice("event: ".length);
      else if (line.startsWith("data: ")) data.push(line.slice("data: ".length));
    }
    const joined = data.join("\n");
    events.push({ event, data: joined == "[DONE]" ? joined : JSON.parse(joined) });
  }
  return events;
}

/** A streamed call with plain fetch. */
export async function callSse(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, headers: response.headers, events: await readSse(response) };
}
