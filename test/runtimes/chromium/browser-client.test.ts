// The built bundle (dist/mod.js) in Debian's Chromium: a page on one loopback origin calls the emulator on
// another, so every call goes through a real CORS preflight, as a frontend calling Azure OpenAI or OpenAI does.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { type EmulatorOrigin, guard, launchChromium, serveEmulator, serveFiles } from "./browser.ts";

type Lib = typeof import("../../../dist/mod.js");
declare global {
  interface Window {
    lib: Lib;
  }
}

const root = join(import.meta.dirname, "../../..");
const PAGE = `<!doctype html><meta charset="utf-8"><title>openai-switch</title>
<script type="module">import * as lib from "/dist/mod.js"; window.lib = lib;</script>`;

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFiles>>;
let page: Page;
let checks: ReturnType<typeof guard>;
const servers: EmulatorOrigin[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveFiles({
    "/": ["text/html; charset=utf-8", PAGE],
    "/dist/mod.js": ["text/javascript; charset=utf-8", { file: join(root, "dist/mod.js") }],
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  checks = guard(page);
  await page.goto(site.url + "/");
  await page.waitForFunction(() => "lib" in window);
});
afterEach(async () => {
  await page.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  expect(checks.errors).toEqual([]);
  expect(checks.offsite).toEqual([]);
});

const emulatorOrigin = async (...args: Parameters<typeof serveEmulator>) => {
  const server = await serveEmulator(...args);
  servers.push(server);
  return server;
};

/** The preflight and the call that followed it, checked for what a browser sends across origins. */
const expectPreflightThenPost = (server: EmulatorOrigin, path: string, allowed: string[]) => {
  const [preflight, post] = server.seen;
  expect(preflight).toMatchObject({ method: "OPTIONS", path, headers: { origin: site.url, "access-control-request-method": "POST" } });
  const asked = preflight!.headers["access-control-request-headers"]!.split(",");
  expect(asked.sort()).toEqual(allowed.sort());
  expect(post).toMatchObject({ method: "POST", path, headers: { origin: site.url } });
  return post!;
};

test("OpenAI: an apiKey with dangerouslyAllowBrowser works through the preflight", async () => {
  const server = await emulatorOrigin();
  const content = await page.evaluate(async (url) => {
    const client = window.lib.createClient({ provider: "openai", apiKey: "sk-browser", baseURL: url + "/v1", dangerouslyAllowBrowser: true });
    const reply = await client.chat({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi from Chromium" }] });
    return reply.choices[0]?.message.content;
  }, server.url);
  expect(content).toBe("You said: Hi from Chromium");
  const post = expectPreflightThenPost(server, "/v1/chat/completions", ["authorization", "content-type"]);
  expect(post.headers.authorization).toBe("Bearer sk-browser");
  expect(server.seen).toHaveLength(2);
});

test("Azure: an apiKey with dangerouslyAllowBrowser works through the preflight", async () => {
  const server = await emulatorOrigin();
  const content = await page.evaluate(async (url) => {
    const client = window.lib.createClient({ provider: "azure", endpoint: url, apiVersion: "2024-10-21", apiKey: "azure-browser-key", dangerouslyAllowBrowser: true });
    const reply = await client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi Azure" }] });
    return reply.choices[0]?.message.content;
  }, server.url);
  expect(content).toBe("You said: Hi Azure");
  const post = expectPreflightThenPost(server, "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", ["api-key", "content-type"]);
  expect(post.headers["api-key"]).toBe("azure-browser-key");
  expect(post.headers.authorization).toBeUndefined();
});

test("Azure with a tokenProvider: a Bearer token, no api-key, and a fresh token for the retry", async () => {
  let posts = 0;
  // The first attempt fails with a 503, so the client must ask the page's tokenProvider again for the retry.
  const server = await emulatorOrigin({ azureTokens: ["entra-token-1", "entra-token-2"] }, (request) => {
    if (request.method == "POST" && ++posts == 1) {
      return Response.json({ error: { code: "503", message: "busy" } }, { status: 503, headers: { "access-control-allow-origin": "*" } });
    }
  });
  const result = await page.evaluate(async (url) => {
    let calls = 0;
    const client = window.lib.createClient({ provider: "azure", endpoint: url, apiVersion: "2024-10-21", tokenProvider: async () => `entra-token-${++calls}` });
    const reply = await client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "token please" }] });
    return { content: reply.choices[0]?.message.content, calls };
  }, server.url);
  expect(result).toEqual({ content: "You said: token please", calls: 2 });
  const path = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  const attempts = server.seen.filter((s) => s.method == "POST");
  expect(attempts.map((p) => [p.path, p.headers.authorization, p.headers["api-key"]])).toEqual([
    [path, "Bearer entra-token-1", undefined],
    [path, "Bearer entra-token-2", undefined],
  ]);
  const preflight = server.seen.find((s) => s.method == "OPTIONS")!;
  expect(preflight.headers["access-control-request-headers"]!.split(",").sort()).toEqual(["authorization", "content-type"]);
});

test("a chat stream is read in the page, chunk by chunk, for both providers", async () => {
  const server = await emulatorOrigin();
  const result = await page.evaluate(async (url) => {
    const clients = {
      openai: window.lib.createClient({ provider: "openai", apiKey: "sk-browser", baseURL: url + "/v1", dangerouslyAllowBrowser: true }),
      azure: window.lib.createClient({ provider: "azure", endpoint: url, apiVersion: "2024-10-21", tokenProvider: () => "entra-token" }),
    };
    const out: Record<string, string[]> = {};
    for (const [name, client] of Object.entries(clients)) {
      out[name] = [];
      for await (const chunk of client.chatStream({ model: "gpt-4o", messages: [{ role: "user", content: "one two three" }] })) {
        out[name].push(chunk.choices[0]?.delta?.content ?? "");
      }
    }
    return out;
  }, server.url);
  for (const pieces of [result.openai!, result.azure!]) {
    expect(pieces.join("")).toBe("You said: one two three");
    expect(pieces.filter(Boolean)).toEqual(["You", " said:", " one", " two", " three"]);
  }
  const posts = server.seen.filter((s) => s.method == "POST");
  expect(posts.map((p) => p.headers.accept)).toEqual(["text/event-stream", "text/event-stream"]);
  expect(posts[1]!.headers.authorization).toBe("Bearer entra-token");
});

test("an apiKey without dangerouslyAllowBrowser is refused in the page with ConfigError, before any request", async () => {
  const server = await emulatorOrigin();
  const refusals = await page.evaluate((url) => {
    const configs = [
      { provider: "openai", apiKey: "sk-browser", baseURL: url + "/v1" },
      { provider: "azure", endpoint: url, apiVersion: "2024-10-21", apiKey: "azure-browser-key" },
    ] as const;
    return configs.map((config) => {
      try {
        window.lib.createClient(config);
        return "created";
      } catch (e) {
        return { configError: e instanceof window.lib.ConfigError, name: (e as Error).name, message: (e as Error).message };
      }
    });
  }, server.url);
  for (const refusal of refusals) {
    expect(refusal).toMatchObject({ configError: true, name: "ConfigError", message: expect.stringMatching(/dangerouslyAllowBrowser/) });
  }
  expect(server.seen).toEqual([]);
});

test("the origins really differ: a server that answers no preflight is blocked by the browser (ConnectionError)", async () => {
  // Negative control for the tests above: the same emulator with its CORS headers taken away.
  const server = await emulatorOrigin({}, async (request) => {
    if (request.method == "OPTIONS") return new Response(null, { status: 200 });
  });
  const error = await page.evaluate(async (url) => {
    const client = window.lib.createClient({ provider: "openai", apiKey: "sk-browser", baseURL: url + "/v1", dangerouslyAllowBrowser: true, maxRetries: 0 });
    try {
      await client.chat({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });
      return "answered";
    } catch (e) {
      return { connectionError: e instanceof window.lib.ConnectionError, name: (e as Error).name };
    }
  }, server.url);
  expect(error).toEqual({ connectionError: true, name: "ConnectionError" });
  expect(server.seen.map((s) => s.method)).toEqual(["OPTIONS"]);
});

test("a Responses stream is read in the page, event by event, on OpenAI, Azure v1 and dated Azure", async () => {
  const server = await emulatorOrigin();
  const result = await page.evaluate(async (url) => {
    const clients = {
      openai: window.lib.createClient({ provider: "openai", apiKey: "sk-browser", baseURL: url + "/v1", dangerouslyAllowBrowser: true }),
      azureV1: window.lib.createClient({ provider: "azure", endpoint: url, apiVersion: "v1", tokenProvider: () => "entra-token" }),
      azureDated: window.lib.createClient({ provider: "azure", endpoint: url, apiVersion: "2025-04-01-preview", tokenProvider: () => "entra-token" }),
    };
    const out: Record<string, { deltas: string[]; sequence: number[]; last: string; final: string }> = {};
    for (const [name, client] of Object.entries(clients)) {
      const deltas: string[] = [];
      const sequence: number[] = [];
      let last = "";
      for await (const event of client.responses.stream({ model: "gpt-4o", input: "one two three" })) {
        sequence.push(event.sequence_number);
        last = event.type;
        if (event.type === "response.output_text.delta") deltas.push(event.delta);
      }
      // And the same answer collected, to check output_text in the page too.
      const final = await window.lib.collectResponse(client.responses.stream({ model: "gpt-4o", input: "one two three" }));
      out[name] = { deltas, sequence, last, final: final.output_text };
    }
    return out;
  }, server.url);
  for (const { deltas, sequence, last, final } of Object.values(result)) {
    expect(deltas.join("")).toBe("You said: one two three");
    expect(deltas.length).toBeGreaterThanOrEqual(4);
    expect(sequence).toEqual(sequence.map((_, i) => i));
    expect(last).toBe("response.completed");
    expect(final).toBe("You said: one two three");
  }
  expect(Object.keys(result)).toEqual(["openai", "azureV1", "azureDated"]);
  const posts = server.seen.filter((s) => s.method == "POST");
  expect(posts.map((p) => [p.path, p.headers.accept])).toEqual([
    ["/v1/responses", "text/event-stream"],
    ["/v1/responses", "text/event-stream"],
    ["/openai/v1/responses", "text/event-stream"],
    ["/openai/v1/responses", "text/event-stream"],
    ["/openai/responses?api-version=2025-04-01-preview", "text/event-stream"],
    ["/openai/responses?api-version=2025-04-01-preview", "text/event-stream"],
  ]);
  expect(posts.slice(2).every((p) => p.headers.authorization == "Bearer entra-token" && p.headers["api-key"] === undefined)).toBe(true);
});

test("Responses create and retrieve in the page: output_text on both, a GET with no body after its own preflight", async () => {
  const server = await emulatorOrigin();
  const result = await page.evaluate(async (url) => {
    const client = window.lib.createClient({ provider: "azure", endpoint: url, apiVersion: "v1", tokenProvider: () => "entra-token" });
    const created = await client.responses.create({ model: "gpt-4o", input: "Hi from Chromium" });
    const retrieved = await client.responses.retrieve(created.id);
    return { id: created.id, created: created.output_text, retrieved: retrieved.output_text };
  }, server.url);
  expect(result).toMatchObject({ created: "You said: Hi from Chromium", retrieved: "You said: Hi from Chromium" });
  const calls = server.seen.filter((s) => s.method != "OPTIONS");
  expect(calls.map((c) => [c.method, c.path])).toEqual([
    ["POST", "/openai/v1/responses"],
    ["GET", `/openai/v1/responses/${result.id}`],
  ]);
  expect(calls[1]!.headers["content-type"]).toBeUndefined();
  // The GET carries a bearer token, so the browser asks first, for that method and header only.
  expect(server.seen.map((s) => s.method)).toEqual(["OPTIONS", "POST", "OPTIONS", "GET"]);
  expect(server.seen[2]!.headers).toMatchObject({ "access-control-request-method": "GET", "access-control-request-headers": "authorization" });
});
