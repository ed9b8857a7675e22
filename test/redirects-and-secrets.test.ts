// Credentials stay where they were sent: a redirect is never followed (fetch would carry `api-key` to any origin),
// and no error shows the key or a token, even when the server echoes them back.
import { describe, test } from "vitest";
import { ApiError, type Client } from "../src/mod.ts";
import { chatChunk, chatCompletion, clientsFor, HI, rejection, secretLeaks, serveFor, type FaultServer, type StepFn } from "./fault-server.ts";

const KEY = "sk-secrets-KEY-9d04b7c1e6f2";
const AZURE_KEY = "azure-secrets-KEY-41c8e07b";
const TOKEN = "tok-secrets-TOKEN-eyJhbGciOi";
const SECRETS = [KEY, AZURE_KEY, TOKEN];
const { openai, azure } = clientsFor({ openai: KEY, azure: AZURE_KEY });

const clients: [string, (s: FaultServer) => Client, Record<string, string>][] = [
  ["Azure api-key", (s) => azure(s), { "api-key": AZURE_KEY }],
  ["Azure Entra token (Bearer)", (s) => azure(s, { apiKey: undefined, tokenProvider: () => TOKEN }), { authorization: "Bearer " + TOKEN }],
  ["OpenAI key (Bearer)", (s) => openai(s), { authorization: "Bearer " + KEY }],
];

describe.concurrent("redirects are not followed", () => {
  for (const [who, client, auth] of clients) {
    test.for([307, 308, 301, 302, 303])(`%i to another port, ${who}: an error, and the other server sees nothing`, async (status, t) => {
      const other = await serveFor(t, [{ body: chatCompletion("stolen") }]);
      const s = await serveFor(t, [{ status, headers: { location: other.url + "/v1/chat/completions" }, body: "" }]);
      const e = await rejection(client(s).chat(HI), SECRETS);
      t.expect(e).toBeInstanceOf(ApiError);
      t.expect(e.status).toBe(status);
      t.expect(e.message).toMatch(/redirect/i);
      t.expect(e.message).toMatch(/not followed/i);
      t.expect(e.headers.get("location")).toBe(other.url + "/v1/chat/completions");
      t.expect(other.requests).toHaveLength(0);
      t.expect(s.requests).toHaveLength(1); // not retried either
      t.expect(s.requests[0]!.headers).toMatchObject(auth);
    });
  }

  test("a redirect to the same origin is not followed either (1 request)", async (t) => {
    const s = await serveFor(t, [{ status: 307, headers: { location: "/v2/chat/completions" } }, { body: chatCompletion("moved") }]);
    const e = await rejection(azure(s).chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 307 });
    t.expect(s.requests).toHaveLength(1);
  });

  test("a redirect on a stream request: the same error, nothing sent to the other server", async (t) => {
    const other = await serveFor(t, [{ sse: [chatChunk("stolen"), "[DONE]"] }]);
    const s = await serveFor(t, [{ status: 307, headers: { location: other.url + "/v1/chat/completions" } }]);
    const e = await rejection(azure(s).chatStream(HI).next(), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 307 });
    t.expect(e.message).toMatch(/not followed/i);
    t.expect(other.requests).toHaveLength(0);
    t.expect(s.requests).toHaveLength(1);
  });
});

describe.concurrent("no error shows a secret", () => {
  test("the helper finds a secret wherever a user could see it", ({ expect }) => {
    // The check used on every error of the fault suites must itself be able to fail.
    expect(secretLeaks(new Error("key " + KEY), SECRETS)).not.toEqual([]);
    expect(secretLeaks(new Error("fine", { cause: new Error(TOKEN) }), SECRETS)).not.toEqual([]);
    expect(secretLeaks(Object.assign(new Error("fine"), { body: { key: AZURE_KEY } }), SECRETS)).not.toEqual([]);
    expect(secretLeaks(new Error("fine"), SECRETS)).toEqual([]);
  });

  test("a 401 that echoes the OpenAI key: the message keeps its words, not the key", async (t) => {
    const s = await serveFor(t, [{ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: "invalid_request_error", code: "invalid_api_key" } } }]);
    const e = await rejection(openai(s).chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 401, code: "invalid_api_key" });
    t.expect(e.message).toMatch(/^Incorrect API key provided: .+\. You can find your API key/);
    t.expect(s.requests).toHaveLength(1);
  });

  test("an Azure 401 that echoes the api-key in a text body", async (t) => {
    const s = await serveFor(t, [{ status: 401, headers: { "content-type": "text/plain" }, body: `denied for api-key ${AZURE_KEY}` }]);
    const e = await rejection(azure(s).chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 401 });
    t.expect(e.body).toMatch(/^denied for api-key /);
    t.expect(s.requests).toHaveLength(1);
  });

  test("retried 503s that echo each attempt's token: the final error shows none", async (t) => {
    let n = 0;
    const echo: StepFn = (request) => ({
      status: 503,
      headers: { "retry-after-ms": "5" },
      body: { error: { message: `overloaded, your ${request.headers.authorization}` } },
    });
    const s = await serveFor(t, [echo, echo, echo]);
    const tokens = [TOKEN + "-1", TOKEN + "-2", TOKEN + "-3"];
    const e = await rejection(azure(s, { apiKey: undefined, tokenProvider: () => tokens[n++]! }).chat(HI), [...SECRETS, ...tokens]);
    t.expect(e).toMatchObject({ name: "ApiError", status: 503 });
    t.expect(e.message).toMatch(/^overloaded, your Bearer /);
    t.expect(s.requests).toHaveLength(3);
  });

  test("two calls in flight with different tokens: each error is scrubbed of its own token", async (t) => {
    // A token provider hands out a fresh token while an older call is still running (a refresh boundary).
    const tokens = [TOKEN + "-old", TOKEN + "-new"];
    let n = 0;
    const echo: StepFn = (request) => ({ status: 401, body: { error: { message: `token rejected: ${request.headers.authorization}` } }, delayMs: 100 });
    const s = await serveFor(t, [echo, echo]);
    const client = azure(s, { apiKey: undefined, tokenProvider: () => tokens[n++]! });
    const first = client.chat(HI);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first call has its token and is waiting
    const second = client.chat(HI);
    const [e1, e2] = await Promise.all([rejection(first, [...SECRETS, ...tokens]), rejection(second, [...SECRETS, ...tokens])]);
    t.expect([e1.message, e2.message]).toEqual(["token rejected: Bearer [redacted]", "token rejected: Bearer [redacted]"]);
    t.expect(s.requests.map((r) => r.headers.authorization)).toEqual(tokens.map((token) => "Bearer " + token));
  });

  test("a redirect whose body echoes the key", async (t) => {
    const s = await serveFor(t, [{ status: 302, headers: { location: "https://login.example/", "content-type": "text/html" }, body: `<a href="https://login.example/?k=${AZURE_KEY}">moved</a>` }]);
    const e = await rejection(azure(s).chat(HI), SECRETS);
    t.expect(e).toMatchObject({ name: "ApiError", status: 302 });
    t.expect(s.requests).toHaveLength(1);
  });

  test("an error event in a stream that echoes the key", async (t) => {
    const s = await serveFor(t, [{ sse: [chatChunk("a"), { error: { message: `key ${KEY} was revoked mid-stream`, type: "invalid_request_error" } }] }]);
    const got: string[] = [];
    const e = await rejection(
      (async () => {
        for await (const chunk of openai(s).chatStream(HI)) got.push(chunk.choices[0]?.delta?.content ?? "");
      })(),
      SECRETS,
    );
    t.expect(e).toMatchObject({ name: "ApiError", status: 200 });
    t.expect(got).toEqual(["a"]);
    t.expect(s.requests).toHaveLength(1);
  });
});
