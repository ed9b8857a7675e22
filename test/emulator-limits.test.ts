// The emulator's limits, like the services': tokens per embeddings call and per input (HTTP 400 with the
// services' texts), and requests / tokens per minute over a sliding window (HTTP 429 with each provider's body and
// headers). Tokens are estimated as characters / 4. Plain fetch over real HTTP; the clock is the test's.
import { afterEach, describe, expect, test } from "vitest";
import type { EmulatorOptions } from "../src/testing.ts";
import { estimateTokens } from "../src/testing.ts";
import { callJson } from "./helpers/emulator-http.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

let server: EmulatorServer | undefined;
afterEach(() => server?.close());

let clock = 0;
const start = async (options: EmulatorOptions) => {
  clock = 1_000_000;
  server = await startEmulator({ now: () => clock, ...options });
  return server;
};
/** Texts of `tokens` estimated tokens each. */
const texts = (count: number, tokens: number) => Array.from({ length: count }, (_, i) => `${i}`.padEnd(tokens * 4, "x"));

const openai = (s: EmulatorServer, path: string, body: Record<string, unknown>) => callJson(`${s.url}/v1/${path}`, { body, headers: { authorization: "Bearer sk-test" } });
const azure = (s: EmulatorServer, deployment: string, path: string, body: Record<string, unknown>) =>
  callJson(`${s.url}/openai/deployments/${deployment}/${path}?api-version=2024-10-21`, { body, headers: { "api-key": "k" } });
const embedOpenAI = (s: EmulatorServer, input: string[]) => openai(s, "embeddings", { model: "text-embedding-3-small", input, dimensions: 1 });

test("the estimate is characters / 4, rounded up", () => {
  expect([estimateTokens(""), estimateTokens("abc"), estimateTokens("abcd"), estimateTokens("abcde"), estimateTokens("x".repeat(800))]).toEqual([0, 1, 1, 2, 200]);
});

describe("tokens per embeddings call", () => {
  test("OpenAI by default: 300 000 pass; over it, the service's 400 max_tokens_per_request, exactly", async () => {
    const s = await start({});
    expect((await embedOpenAI(s, texts(375, 800))).status).toBe(200);
    const refused = await embedOpenAI(s, texts(376, 800));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: { message: "Requested 300800 tokens, max 300000 tokens per request", type: "max_tokens_per_request", param: null, code: "max_tokens_per_request" } });
  });

  test("EmulatorOptions.openai.maxTokensPerRequest sets OpenAI's cap", async () => {
    const s = await start({ openai: { maxTokensPerRequest: 1000 } });
    expect((await embedOpenAI(s, texts(10, 100))).status).toBe(200);
    expect((await embedOpenAI(s, texts(11, 100))).body.error.message).toBe("Requested 1100 tokens, max 1000 tokens per request");
  });

  test("Azure: no cap unless the deployment sets one; then the same 400", async () => {
    const s = await start({ deployments: { big: {}, capped: { maxTokensPerRequest: 500 } } });
    expect((await azure(s, "big", "embeddings", { input: texts(400, 800), dimensions: 1 })).status).toBe(200);
    const refused = await azure(s, "capped", "embeddings", { input: texts(6, 100), dimensions: 1 });
    expect(refused).toMatchObject({ status: 400, body: { error: { message: "Requested 600 tokens, max 500 tokens per request", code: "max_tokens_per_request" } } });
  });
});

describe("tokens per input", () => {
  test("8192 by default on both services: one input over it fails the whole call with 'maximum context length'", async () => {
    const s = await start({});
    const input = ["short", "x".repeat(8193 * 4), "short"];
    const message =
      "This model's maximum context length is 8192 tokens, however you requested 8193 tokens (8193 in your prompt; 0 for the completion). Please reduce your prompt; or completion length.";
    const fromOpenAI = await embedOpenAI(s, input);
    expect(fromOpenAI).toMatchObject({ status: 400, body: { error: { message, type: "invalid_request_error", param: null, code: null } } });
    expect((await azure(s, "ada", "embeddings", { input, dimensions: 1 })).body.error.message).toBe(message);
    expect((await embedOpenAI(s, ["x".repeat(8192 * 4)])).status).toBe(200);
  });

  test("maxInputTokens on a deployment also bounds a chat's messages (context_length_exceeded)", async () => {
    const s = await start({ deployments: { small: { maxInputTokens: 10 } } });
    const long = await azure(s, "small", "chat/completions", { messages: [{ role: "user", content: "x".repeat(44) }] });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: "context_length_exceeded", param: "messages" });
    expect(long.body.error.message).toMatch(/^This model's maximum context length is 10 tokens\. However, your messages resulted in 11 tokens\./);
    expect((await azure(s, "small", "embeddings", { input: "x".repeat(44), dimensions: 1 })).body.error.message).toMatch(/maximum context length is 10 tokens, however you requested 11 tokens/);
  });
});

describe("requests per minute (sliding 60 s window)", () => {
  test("Azure: the call over the limit gets the 429 body and retry-after-ms / retry-after for when the oldest call leaves", async () => {
    const s = await start({ deployments: { ada: { requestsPerMinute: 2 } } });
    const call = () => azure(s, "ada", "embeddings", { input: "A", dimensions: 1 });
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit-requests")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining-requests")).toBe("1");
    clock += 30_000;
    expect((await call()).headers.get("x-ratelimit-remaining-requests")).toBe("0");
    clock += 10_000;
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: "429",
        message:
          "Requests to the Embeddings_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after 20 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.",
      },
    });
    expect(refused.headers.get("retry-after-ms")).toBe("20000");
    expect(refused.headers.get("retry-after")).toBe("20");
    expect(refused.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(refused.headers.get("x-ratelimit-reset-requests")).toBe("20s");
    expect(refused.headers.get("apim-request-id")).toBeTruthy();
    // A refused call does not count: once the first call leaves the window, one more passes, then the next waits for the second call to leave.
    clock += 20_001;
    expect((await call()).status).toBe(200);
    const again = await call();
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after-ms")).toBe("29999");
  });

  test("OpenAI: per model, with OpenAI's body and x-ratelimit-* headers (no retry-after-ms)", async () => {
    const s = await start({ openai: { requestsPerMinute: 1 } });
    const chat = (model: string) => openai(s, "chat/completions", { model, messages: [{ role: "user", content: "hi" }] });
    expect((await chat("gpt-4o")).status).toBe(200);
    expect((await chat("gpt-4o-mini")).status).toBe(200);
    clock += 59_000;
    const refused = await chat("gpt-4o");
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        message: "Rate limit reached for gpt-4o in organization org-emulator on requests per min (RPM): Limit 1, Used 1, Requested 1. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more.",
        type: "requests",
        param: null,
        code: "rate_limit_exceeded",
      },
    });
    expect(Object.fromEntries([...refused.headers].filter(([name]) => name.startsWith("x-ratelimit") || name.startsWith("retry-after")))).toEqual({
      "x-ratelimit-limit-requests": "1",
      "x-ratelimit-remaining-requests": "0",
      "x-ratelimit-reset-requests": "1s",
    });
    expect(refused.headers.get("x-request-id")).toMatch(/^req_/);
  });

  test("no rate-limit headers when no rate limit is set", async () => {
    const s = await start({});
    const { headers } = await embedOpenAI(s, ["A"]);
    expect([...headers.keys()].filter((name) => name.startsWith("x-ratelimit"))).toEqual([]);
  });
});

describe("tokens per minute", () => {
  test("OpenAI: the call whose tokens do not fit waits until enough old tokens leave the window", async () => {
    const s = await start({ openai: { tokensPerMinute: 100 } });
    expect((await embedOpenAI(s, texts(1, 40))).headers.get("x-ratelimit-remaining-tokens")).toBe("60");
    clock += 10_000;
    expect((await embedOpenAI(s, texts(1, 40))).status).toBe(200);
    clock += 10_000;
    const refused = await embedOpenAI(s, texts(1, 40));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ type: "tokens", code: "rate_limit_exceeded" });
    expect(refused.body.error.message).toBe(
      "Rate limit reached for text-embedding-3-small in organization org-emulator on tokens per min (TPM): Limit 100, Used 80, Requested 40. Please try again in 40s. Visit https://platform.openai.com/account/rate-limits to learn more.",
    );
    expect(refused.headers.get("x-ratelimit-limit-tokens")).toBe("100");
    expect(refused.headers.get("x-ratelimit-remaining-tokens")).toBe("20");
    expect(refused.headers.get("x-ratelimit-reset-tokens")).toBe("40s");
    clock += 40_000;
    expect((await embedOpenAI(s, texts(1, 40))).status).toBe(200);
  });

  test("Azure: token rate limit in Azure's words; chat and Responses calls count their prompt", async () => {
    const s = await start({ deployments: { "gpt-4o": { tokensPerMinute: 10 } } });
    const content = "x".repeat(32); // 8 tokens
    expect((await azure(s, "gpt-4o", "chat/completions", { messages: [{ role: "user", content }] })).status).toBe(200);
    const refused = await callJson(`${s.url}/openai/v1/responses`, { body: { model: "gpt-4o", input: content }, headers: { "api-key": "k" } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Requests to the Responses_Create Operation under Azure OpenAI API version v1 have exceeded token rate limit of your current OpenAI S0 pricing tier\. Please retry after 60 seconds\./);
    expect(refused.headers.get("retry-after-ms")).toBe("60000");
  });
});
