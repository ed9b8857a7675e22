// No secret a user can give leaves in an error: keys and tokens as they were sent (trimmed), echoed raw or escaped,
// in any carrier (message, body, headers, a cause chain, a URL's password, custom secret headers), each error with
// its own attempt's token; and scrubbing never breaks an error (short test keys, keys that look like JSON or names).
import { inspect } from "node:util";
import { describe, test } from "vitest";
import { ApiError, ConfigError, ConnectionError, createClient, type FetchLike } from "../src/mod.ts";
import { MIN_SECRET_LENGTH } from "../src/secrets.ts";
import { clientsFor, HI, ok, rejection, secretLeaks, type StepFn } from "./fault-server.ts";
import { scripted, WAYS } from "./helpers/scripted.ts";

const KEY = "sk-scrub-KEY-6f1d2a9c4b";
const AZURE_KEY = "azure-scrub-KEY-83be07";
const TOKEN = "tok-scrub-TOKEN-c0ffee42";
const { openai, azure } = clientsFor({ openai: KEY, azure: AZURE_KEY });

/** Echoes every credential the request carried: in the message, a body field, a response header and the text. */
const echo =
  (status = 401): StepFn =>
  (request) => {
    const sent = [request.headers["api-key"], request.headers.authorization, request.headers["ocp-apim-subscription-key"]]
      .concat(Object.entries(request.headers).filter(([name]) => /token|secret/.test(name)).map(([, value]) => String(value)))
      .filter(Boolean)
      .join(" ");
    return { status, headers: { "x-echo": sent.replace(/[^\x20-\x7e]/g, "?") }, body: { error: { message: `rejected: ${sent}`, echo: { sent } } } };
  };

/** Every way a user may look at an error: the shared leak check, plus the response headers and a structured clone. */
function expectClean(error: unknown, secrets: string[], expect: (v: unknown) => { toEqual(x: unknown): void }) {
  expect(secretLeaks(error, secrets)).toEqual([]);
  const e = error as { headers?: Headers; body?: unknown };
  const seen = [inspect(error, { depth: Infinity }), JSON.stringify(e.body) ?? "", [...(e.headers ?? new Headers())].join("\n")];
  const clone = structuredClone(error) as Error;
  seen.push(String(clone.message), String(clone.stack), inspect(clone, { depth: Infinity }));
  expect(seen.filter((text) => secrets.some((secret) => text.includes(secret)))).toEqual([]);
}

describe.each(WAYS)("over %s", (way) => {
  test.concurrent("a key with surrounding whitespace is sent trimmed, and that trimmed value is what is scrubbed", async (t) => {
    const s = await scripted(way, t, [echo(), echo()]);
    const e = await rejection(openai(s, { apiKey: `  ${KEY}\n`, fetch: s.fetch }).chat(HI), [KEY]);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(s.requests[0]!.headers.authorization).toBe("Bearer " + KEY);
    t.expect(e.message).toBe("rejected: Bearer [redacted]");
    t.expect(e.headers.get("x-echo")).toBe("Bearer [redacted]");
    t.expect(e.body).toEqual({ error: { message: "rejected: Bearer [redacted]", echo: { sent: "Bearer [redacted]" } } });
    expectClean(e, [KEY], t.expect);

    const az = await rejection(azure(s, { apiKey: `\t${AZURE_KEY}\r\n`, fetch: s.fetch }).chat(HI), [AZURE_KEY]);
    t.expect(s.requests[1]!.headers["api-key"]).toBe(AZURE_KEY);
    expectClean(az, [AZURE_KEY], t.expect);
  });

  test.concurrent("a token with surrounding whitespace: sent trimmed, scrubbed as sent", async (t) => {
    const s = await scripted(way, t, [echo()]);
    const client = azure(s, { apiKey: undefined, tokenProvider: async () => `${TOKEN}\n`, fetch: s.fetch });
    const e = await rejection(client.chat(HI), [TOKEN]);
    t.expect(s.requests[0]!.headers.authorization).toBe("Bearer " + TOKEN);
    t.expect(e.message).toBe("rejected: Bearer [redacted]");
    expectClean(e, [TOKEN], t.expect);
  });

  test.concurrent("a token with a line break inside: ConfigError at that attempt, nothing sent, the value not shown", async (t) => {
    const s = await scripted(way, t, [ok()]);
    const bad = "tok-scrub-LF\nX-Injected: 1";
    const client = azure(s, { apiKey: undefined, tokenProvider: () => bad, fetch: s.fetch });
    const e = await rejection(client.chat(HI), [bad, "tok-scrub-LF"]);
    t.expect(e).toBeInstanceOf(ConfigError);
    t.expect(e.message).toMatch(/tokenProvider/);
    t.expect(s.requests).toHaveLength(0);
  });

  test.concurrent("each of 20 concurrent calls with fresh tokens is scrubbed of its own token (no ring of recent ones)", async (t) => {
    const tokens = Array.from({ length: 20 }, (_, i) => `${TOKEN}-fresh-${String(i).padStart(2, "0")}`);
    let handed = 0;
    const s = await scripted(way, t, async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 50)); // all twenty in flight together
      return echo()(request, 0);
    });
    const client = azure(s, { apiKey: undefined, tokenProvider: () => tokens[handed++]!, fetch: s.fetch });
    const errors = await Promise.all(tokens.map(() => rejection(client.chat(HI), tokens)));
    t.expect(handed).toBe(20);
    t.expect(new Set(s.requests.map((r) => r.headers.authorization)).size).toBe(20);
    for (const e of errors) {
      t.expect(e.message).toBe("rejected: Bearer [redacted]");
      expectClean(e, tokens, t.expect);
    }
  });

  test.concurrent("custom secret headers (api-key, Authorization, Ocp-Apim-Subscription-Key, *token*, *secret*) are scrubbed", async (t) => {
    const SUBSCRIPTION = "apim-subscription-9f8e7d6c";
    const GATEWAY = "gateway-token-5a4b3c2d";
    const CALL_SECRET = "per-call-secret-1b2c3d4e";
    const s = await scripted(way, t, [echo()]);
    const client = azure(s, {
      fetch: s.fetch,
      headers: { "Ocp-Apim-Subscription-Key": SUBSCRIPTION, "X-Gateway-Token": GATEWAY },
    });
    const e = await rejection(client.chat(HI, { headers: { "x-client-secret": CALL_SECRET } }), [AZURE_KEY, SUBSCRIPTION, GATEWAY, CALL_SECRET]);
    t.expect(s.requests[0]!.headers).toMatchObject({ "ocp-apim-subscription-key": SUBSCRIPTION, "x-gateway-token": GATEWAY, "x-client-secret": CALL_SECRET });
    t.expect(e.message).toBe("rejected: [redacted] [redacted] [redacted] [redacted]");
    expectClean(e, [AZURE_KEY, SUBSCRIPTION, GATEWAY, CALL_SECRET], t.expect);
  });

  test.concurrent("echoes with JSON escaping (\\/, \\u00xx) or percent-encoding are caught, in a body that is not JSON", async (t) => {
    const key = "sk-esc/KEY+6a7b<8c>d";
    const forms = [key, "sk-esc\\/KEY+6a7b\\u003c8c\\u003ed", "sk-esc%2FKEY%2B6a7b%3C8c%3Ed", "sk-esc\\/KEY+6a7b<8c>d"];
    const s = await scripted(way, t, [
      {
        status: 403,
        headers: { "content-type": "text/html", location: "https://login.example/?k=" + forms[2] },
        body: `<pre>{"key":"${forms[1]}"} or ${forms[3]}</pre>`,
      },
    ]);
    const e = await rejection(openai(s, { apiKey: key, fetch: s.fetch }).chat(HI), forms);
    t.expect(e).toMatchObject({ name: "ApiError", status: 403 });
    t.expect(e.body).toBe('<pre>{"key":"[redacted]"} or [redacted]</pre>');
    t.expect(e.headers.get("location")).toBe("https://login.example/?k=[redacted]");
    expectClean(e, forms, t.expect);
  });

  test.concurrent("a fetch wrapper's error carrying the request's headers and a proxy URL's password: the cause chain is scrubbed", async (t) => {
    const PASSWORD = "proxy-pass-7c6b5a49";
    const s = await scripted(way, t, [{ action: "reset" }, { action: "reset" }]);
    const wrapper: FetchLike = async (url, init) => {
      try {
        return await (s.fetch ?? fetch)(url, init);
      } catch (error) {
        // Like a logging wrapper: it keeps what it sent, and says which proxy it used.
        const proxy = new Error(`proxy http://user:${PASSWORD}@proxy.local:8080 refused`, { cause: error });
        throw Object.assign(new TypeError("wrapped fetch failed", { cause: proxy }), {
          request: { url, headers: { ...(init.headers as Record<string, string>) } },
          sentHeaders: new Headers(init.headers),
        });
      }
    };
    const e = await rejection(azure(s, { fetch: wrapper, maxRetries: 1 }).chat(HI), [AZURE_KEY, PASSWORD]);
    t.expect(e).toBeInstanceOf(ConnectionError);
    t.expect(e.cause).toBeInstanceOf(TypeError);
    t.expect(e.cause.request.headers["api-key"]).toBe("[redacted]");
    t.expect(e.cause.sentHeaders.get("api-key")).toBe("[redacted]");
    t.expect(e.cause.cause.message).toBe("proxy http://user:[redacted]@proxy.local:8080 refused");
    t.expect(s.requests).toHaveLength(2);
    expectClean(e, [AZURE_KEY, PASSWORD], t.expect);
  });
});

describe.each(WAYS)("building an error never throws, over %s", (way) => {
  test.concurrent("a cause with a getter that throws and a cause chain that loops, both carrying the key", async (t) => {
    const s = await scripted(way, t, [{ action: "reset" }]);
    const wrapper: FetchLike = async (url, init) => {
      try {
        return await (s.fetch ?? fetch)(url, init);
      } catch (error) {
        const odd = new TypeError(`failed with ${AZURE_KEY}`, { cause: error });
        Object.defineProperty(odd, "details", { enumerable: true, get: () => { throw new Error("unreadable " + AZURE_KEY); } });
        const loop = new Error(`loop ${AZURE_KEY}`);
        Object.assign(loop, { cause: loop, sibling: odd });
        throw new TypeError("wrapped", { cause: loop });
      }
    };
    const e = await rejection(azure(s, { fetch: wrapper, maxRetries: 0 }).chat(HI), [AZURE_KEY]);
    t.expect(e).toBeInstanceOf(ConnectionError);
    t.expect(e.cause.cause.message).toBe("loop [redacted]");
    expectClean(e, [AZURE_KEY], t.expect);
  });
});

describe(`short values (under ${MIN_SECRET_LENGTH} characters) are no credential: errors stay whole`, () => {
  test.for(WAYS)("apiKey 'k' (%s): a 401 is an ApiError with its headers and body intact, not a ConnectionError", async (way, t) => {
    const body = { error: { message: "Incorrect API key provided: k.", code: "invalid_api_key" } };
    const s = await scripted(way, t, [{ status: 401, headers: { "keep-alive": "timeout=5" }, body }]);
    const e = await openai(s, { apiKey: "k", fetch: s.fetch }).chat(HI).catch((x: unknown) => x);
    t.expect(e).toBeInstanceOf(ApiError);
    t.expect(e).toMatchObject({ status: 401, message: "Incorrect API key provided: k.", code: "invalid_api_key", body });
    t.expect((e as ApiError).headers.get("keep-alive")).toBe("timeout=5");
  });

  test.each([",", '"', "error", "{", ":"])("apiKey %j: the JSON body and message survive", async (key) => {
    const body = { error: { message: "The server had an error", type: "server_error", param: null, code: "error" } };
    const fetch: FetchLike = async () => Response.json(body, { status: 400 });
    const e = await createClient({ provider: "openai", apiKey: key, fetch }).chat(HI).catch((x: unknown) => x);
    if (!(e instanceof ApiError)) throw new Error("expected an ApiError, got " + String(e));
    if (JSON.stringify(e.body) != JSON.stringify(body) || e.message != body.error.message) throw new Error("body changed");
  });

  test("a secret that is also a header name or JSON syntax: only values are replaced, never names or structure", async ({ expect }) => {
    for (const key of ["content-type", '"message":', '{"error":']) {
      const body = { error: { message: `Incorrect API key provided: ${key}` } };
      const fetch: FetchLike = async () => Response.json(body, { status: 401, headers: { "x-key": key } });
      const e = (await createClient({ provider: "openai", apiKey: key, fetch }).chat(HI).catch((x: unknown) => x)) as ApiError;
      expect(e).toBeInstanceOf(ApiError);
      expect(e.message).toBe("Incorrect API key provided: [redacted]");
      expect(e.body).toEqual({ error: { message: "Incorrect API key provided: [redacted]" } });
      expect(e.headers.get("content-type")).toMatch(/^application\/json/); // the name survived a secret equal to it
      expect(e.headers.get("x-key")).toBe("[redacted]");
    }
  });
});

describe("values a header cannot carry are a ConfigError before any request, and the message never shows them", () => {
  const counting = () => {
    const sent: string[] = [];
    const fetch: FetchLike = async (url) => (sent.push(url), Response.json({}));
    return { sent, fetch };
  };
  const bad = ["sk-bad\nX-Injected: 1", "sk-bad\r\nSet-Cookie: a", "sk-bad\u0000nul", "sk-bad\u2028sep"];

  test.each(bad)("apiKey %j", (value) => {
    const { sent, fetch } = counting();
    for (const config of [
      { provider: "openai" as const, apiKey: value, fetch },
      { provider: "azure" as const, endpoint: "https://x.openai.azure.com", apiVersion: "v1", apiKey: value, fetch },
    ]) {
      let error: unknown;
      try {
        createClient(config);
      } catch (e) {
        error = e;
      }
      if (!(error instanceof ConfigError) || !/apiKey/.test(error.message)) throw new Error("expected a ConfigError about apiKey");
      if (secretLeaks(error, [value, "sk-bad"]).length) throw new Error("the message shows the value");
    }
    if (sent.length) throw new Error("a request was sent");
  });

  test.each([
    ["organization", { organization: "org-1\nX: y" }, /organization/],
    ["project", { project: "proj\r1" }, /project/],
    ["a config header", { headers: { "x-trace": "a\nb" } }, /x-trace/],
  ] as const)("%s", (_, extra, message) => {
    const { sent, fetch } = counting();
    let error: unknown;
    try {
      createClient({ provider: "openai", apiKey: KEY, fetch, ...extra });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ConfigError) || !message.test(error.message)) throw new Error("expected a ConfigError: " + String(error));
    if (sent.length) throw new Error("a request was sent");
  });

  test("a per-call header: the call rejects with ConfigError, nothing sent", async ({ expect }) => {
    const { sent, fetch } = counting();
    const e = await createClient({ provider: "openai", apiKey: KEY, fetch }).chat(HI, { headers: { "x-call": "a\r\nb" } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect(sent).toEqual([]);
  });
});

