// What is retried, how long the client waits, and what it gives up with: the back-off rule tested directly,
// then every status and hint over real HTTP against a scripted server, counting the requests it received.
import { describe, test } from "vitest";
import { ApiError } from "../src/mod.ts";
import { isRetryable, retryDelay } from "../src/retry.ts";
import { chatCompletion, clientsFor, failure, HI, ok, rejection, RETRY_SOON, serveFor, type FaultServer, type Step } from "./fault-server.ts";

const KEY = "sk-retries-KEY-5b1e0c7a9d";
const AZURE_KEY = "azure-retries-KEY-77f30d";
const SECRETS = [KEY, AZURE_KEY, "tok-retries-"];
const { openai, azure } = clientsFor({ openai: KEY, azure: AZURE_KEY });
/** A failure whose `code` is its status, so a test can check the ApiError carries the last answer's fields. */
const fail = (status: number, headers: Record<string, string> = RETRY_SOON, message?: string) => failure(status, { headers, message, code: String(status) });
const gaps = (s: FaultServer) => s.requests.slice(1).map((r, i) => r.at - s.requests[i]!.at);

describe("retryDelay: the wait before retry n", () => {
  const none = new Headers();

  test("backs off about 0.5 s × 2ⁿ, with up to 25% jitter below, capped at 8 s", ({ expect }) => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(500 * 2 ** attempt, 8000);
      const samples = Array.from({ length: 200 }, () => retryDelay(none, attempt));
      for (const ms of samples) {
        expect(ms).toBeGreaterThanOrEqual(ceiling * 0.75);
        expect(ms).toBeLessThanOrEqual(ceiling);
      }
      // Jitter: two hundred clients that fail together do not come back together.
      expect(new Set(samples).size).toBeGreaterThan(100);
    }
    expect(retryDelay(undefined, 0)).toBeLessThanOrEqual(500);
    expect(retryDelay(undefined, 30)).toBeLessThanOrEqual(8000);
  });

  test("retry-after-ms wins over retry-after, and is used as is from 0 to 60000", ({ expect }) => {
    expect(retryDelay(new Headers({ "retry-after-ms": "1234", "retry-after": "7" }), 0)).toBe(1234);
    expect(retryDelay(new Headers({ "retry-after-ms": "0" }), 3)).toBe(0);
    expect(retryDelay(new Headers({ "retry-after-ms": "60000" }), 0)).toBe(60000);
    expect(retryDelay(new Headers({ "retry-after-ms": "12.5" }), 0)).toBe(12.5);
  });

  test("retry-after in seconds", ({ expect }) => {
    expect(retryDelay(new Headers({ "retry-after": "7" }), 0)).toBe(7000);
    expect(retryDelay(new Headers({ "retry-after": "60" }), 0)).toBe(60000);
  });

  test("retry-after: 0 means retry at once", ({ expect }) => {
    // RFC 9110 delay-seconds may be 0. Date.parse("0") is the year 2000 in V8, so "0" must not be read as a date.
    expect(retryDelay(new Headers({ "retry-after": "0" }), 2)).toBe(0);
  });

  test("retry-after as an HTTP date", ({ expect }) => {
    const date = new Date(Date.now() + 30_000).toUTCString(); // whole seconds: 29–30 s from now
    const ms = retryDelay(new Headers({ "retry-after": date }), 0);
    expect(ms).toBeGreaterThan(28_900);
    expect(ms).toBeLessThanOrEqual(30_000);
  });

  test("hints outside 0–60 s or unreadable are ignored for the back-off", ({ expect }) => {
    const hints: Record<string, string>[] = [
      { "retry-after-ms": "60001" },
      { "retry-after-ms": "-5" },
      { "retry-after-ms": "soon" },
      { "retry-after": "61" },
      { "retry-after": "-1" },
      { "retry-after": "3600" },
      { "retry-after": "whenever" },
      { "retry-after": new Date(Date.now() + 120_000).toUTCString() },
      { "retry-after": new Date(Date.now() - 120_000).toUTCString() },
    ];
    for (const hint of hints) {
      for (const attempt of [0, 2]) {
        const ms = retryDelay(new Headers(hint), attempt);
        expect(ms, JSON.stringify(hint)).toBeGreaterThanOrEqual(500 * 2 ** attempt * 0.75);
        expect(ms, JSON.stringify(hint)).toBeLessThanOrEqual(500 * 2 ** attempt);
      }
    }
  });
});

describe("isRetryable", () => {
  test("408, 409, 429 and the transient 5xx are retried; other 4xx, 501, 505 and redirects are not", ({ expect }) => {
    for (const status of [408, 409, 429, 500, 502, 503, 504, 520, 522, 524, 529]) expect(isRetryable(status, new Headers()), String(status)).toBe(true);
    // 501 Not Implemented and 505 HTTP Version Not Supported say the same thing however often they are asked.
    for (const status of [400, 401, 403, 404, 405, 413, 422, 501, 505, 301, 307, 308]) expect(isRetryable(status, new Headers()), String(status)).toBe(false);
  });

  test("x-should-retry overrides the status both ways", ({ expect }) => {
    expect(isRetryable(500, new Headers({ "x-should-retry": "false" }))).toBe(false);
    expect(isRetryable(429, new Headers({ "x-should-retry": "false" }))).toBe(false);
    expect(isRetryable(400, new Headers({ "x-should-retry": "true" }))).toBe(true);
  });
});

describe.concurrent("retries over HTTP", () => {
  test("429 with retry-after-ms: waits that long (not the back-off), then succeeds on the 2nd request", async (t) => {
    const s = await serveFor(t, [fail(429, { "retry-after-ms": "700", "retry-after": "2" }), ok("after 429")]);
    const reply = await azure(s).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("after 429");
    t.expect(s.requests).toHaveLength(2);
    // 700 ms is more than the first back-off (≤ 500 ms) and less than retry-after's 2 s: the ms hint was used.
    t.expect(gaps(s)[0]).toBeGreaterThanOrEqual(700 - 2);
    t.expect(gaps(s)[0]).toBeLessThan(1500);
    // The retry is the same request again.
    t.expect(s.requests[1]!.url).toBe(s.requests[0]!.url);
    t.expect(s.requests[1]!.body).toBe(s.requests[0]!.body);
    t.expect(s.requests[1]!.headers["api-key"]).toBe(AZURE_KEY);
  });

  test("503, 503, 200: three requests, one answer", async (t) => {
    const s = await serveFor(t, [fail(503), fail(503), ok("third time")]);
    const reply = await openai(s).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("third time");
    t.expect(s.requests).toHaveLength(3);
  });

  test("503 three times with maxRetries 2: ApiError after exactly 3 requests, with the last answer's fields", async (t) => {
    const s = await serveFor(t, [fail(503), fail(503), { ...fail(503, { ...RETRY_SOON, "x-request-id": "req-3" }, "overloaded 3") }, ok()]);
    const e = await rejection(openai(s, { maxRetries: 2 }).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e).toMatchObject({ status: 503, message: "overloaded 3", code: "503", type: "server_error", requestId: "req-3", provider: "openai" });
    t.expect(s.requests).toHaveLength(3);
  });

  test("the client's default is 2 retries", async (t) => {
    const s = await serveFor(t, [fail(500), fail(500), fail(500), ok()]);
    const e = await rejection(openai(s).chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 500 });
    t.expect(s.requests).toHaveLength(3);
  });

  test("maxRetries 0 on the client: one request; a per-call maxRetries overrides it", async (t) => {
    const s = await serveFor(t, [fail(503), fail(503), ok("second call, retried")]);
    const client = openai(s, { maxRetries: 0 });
    const e = await rejection(client.chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 503 });
    t.expect(s.requests).toHaveLength(1);
    const reply = await client.chat(HI, { maxRetries: 1 });
    t.expect(reply.choices[0]?.message.content).toBe("second call, retried");
    t.expect(s.requests).toHaveLength(3);
  });

  test("maxRetries 0 per call on a client that retries: one request", async (t) => {
    const s = await serveFor(t, [fail(429), ok()]);
    const e = await rejection(azure(s, { maxRetries: 5 }).chat(HI, { maxRetries: 0 }), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 429 });
    t.expect(s.requests).toHaveLength(1);
  });

  test.for([408, 409, 500, 502, 504])("%i is retried", async (status, t) => {
    const s = await serveFor(t, [fail(status), ok(`after ${status}`)]);
    const reply = await openai(s).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe(`after ${status}`);
    t.expect(s.requests).toHaveLength(2);
  });

  test.for([400, 401, 403, 404, 422])("%i is not retried: ApiError after 1 request", async (status, t) => {
    const s = await serveFor(t, [fail(status), ok()]);
    const e = await rejection(azure(s).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e).toMatchObject({ status, message: `failure ${status}`, code: String(status), provider: "azure" });
    t.expect(s.requests).toHaveLength(1);
  });

  test("x-should-retry: false on a 500: 1 request", async (t) => {
    const s = await serveFor(t, [fail(500, { ...RETRY_SOON, "x-should-retry": "false" }), ok()]);
    const e = await rejection(openai(s).chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 500 });
    t.expect(s.requests).toHaveLength(1);
  });

  test("x-should-retry: true on a 400: retried", async (t) => {
    const s = await serveFor(t, [fail(400, { ...RETRY_SOON, "x-should-retry": "true" }), ok("retried 400")]);
    const reply = await openai(s).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("retried 400");
    t.expect(s.requests).toHaveLength(2);
  });

  test("retry-after in seconds: waits that many seconds", async (t) => {
    const s = await serveFor(t, [fail(429, { "retry-after": "1" }), ok()]);
    await openai(s).chat(HI);
    t.expect(s.requests).toHaveLength(2);
    t.expect(gaps(s)[0]).toBeGreaterThanOrEqual(1000 - 2);
    t.expect(gaps(s)[0]).toBeLessThan(1600);
  });

  test("retry-after as an HTTP date: waits until then", async (t) => {
    // The next whole second after 0.9 s from now: 0.9–1.9 s ahead, beyond the first back-off (≤ 0.5 s).
    const until = Math.ceil((Date.now() + 900) / 1000) * 1000;
    const s = await serveFor(t, [fail(503, { "retry-after": new Date(until).toUTCString() }), ok()]);
    await azure(s).chat(HI);
    t.expect(s.requests).toHaveLength(2);
    t.expect(s.requests[1]!.at).toBeGreaterThanOrEqual(until - 2);
    t.expect(s.requests[1]!.at).toBeLessThan(until + 800);
  });

  test("without a hint, the waits grow: ≥ 375 ms, then ≥ 750 ms", async (t) => {
    const s = await serveFor(t, [fail(503, {}), fail(503, {}), ok("backed off")]);
    const reply = await openai(s).chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("backed off");
    t.expect(s.requests).toHaveLength(3);
    const [first, second] = gaps(s);
    t.expect(first).toBeGreaterThanOrEqual(375 - 2);
    t.expect(second).toBeGreaterThanOrEqual(750 - 2);
  });

  test("a token provider is asked again for each attempt, and each attempt carries the newest token", async (t) => {
    let n = 0;
    const tokenProvider = async () => `tok-retries-${++n}`;
    const s = await serveFor(t, [fail(429), fail(503), ok("with token 3")]);
    const client = azure(s, { apiKey: undefined, tokenProvider });
    const reply = await client.chat(HI);
    t.expect(reply.choices[0]?.message.content).toBe("with token 3");
    t.expect(s.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok-retries-1", "Bearer tok-retries-2", "Bearer tok-retries-3"]);
    t.expect(s.requests.map((r) => r.headers["api-key"])).toEqual([undefined, undefined, undefined]);
    t.expect(n).toBe(3);
  });

  test("a gateway's HTML 502 page: retried, then an ApiError whose body is the page's text", async (t) => {
    const page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
    const html: Step = { status: 502, headers: { "content-type": "text/html", ...RETRY_SOON }, body: page };
    const s = await serveFor(t, [html, html, html, ok()]);
    const e = await rejection(azure(s).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e.status).toBe(502);
    t.expect(e.body).toBe(page);
    t.expect(e.code).toBeUndefined();
    t.expect(e.message).toContain("502");
    t.expect(s.requests).toHaveLength(3);
  });

  test("Azure content filter on the prompt: a 400 ApiError, not retried, keeping innererror.content_filter_result", async (t) => {
    const verdict = {
      hate: { filtered: false, severity: "safe" },
      sexual: { filtered: false, severity: "safe" },
      violence: { filtered: false, severity: "safe" },
      self_harm: { filtered: true, severity: "medium" },
      jailbreak: { filtered: false, detected: false },
    };
    const body = {
      error: {
        message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
        type: null,
        param: "prompt",
        code: "content_filter",
        status: 400,
        innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: verdict },
      },
    };
    const s = await serveFor(t, [{ status: 400, headers: { "apim-request-id": "apim-1" }, body }, ok()]);
    const e = await rejection(azure(s).chat(HI), SECRETS);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e).toMatchObject({ status: 400, code: "content_filter", param: "prompt", type: undefined, requestId: "apim-1", message: body.error.message });
    t.expect(e.body.error.innererror.content_filter_result).toEqual(verdict);
    t.expect(s.requests).toHaveLength(1);
  });

  test("Azure content filter on the output: a 200 with finish_reason content_filter is a normal result", async (t) => {
    const filtered = {
      ...chatCompletion(""),
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: null },
          finish_reason: "content_filter",
          content_filter_results: { violence: { filtered: true, severity: "high" } },
        },
      ],
    };
    const s = await serveFor(t, [{ body: filtered }]);
    const reply = await azure(s).chat(HI);
    t.expect(reply.choices[0]).toEqual(filtered.choices[0]);
    t.expect(s.requests).toHaveLength(1);
  });
});
