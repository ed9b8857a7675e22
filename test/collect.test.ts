// collectChat / collectCompletion: recorded-shape streams of both providers (test/fixtures/, each with what the
// same call without `stream` returns) collected from memory, over real HTTP from a scripted server, and from the
// emulator's streams compared with its non-streamed answers.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ApiError, type ChatCompletion, type ChatCompletionChunk, collectChat, collectCompletion, type Completion } from "../src/mod.ts";
import { clientsFor, serveFor } from "./fault-server.ts";
import { type EmulatorServer, startEmulator } from "./helpers.ts";

interface Fixture<Chunk, Result> {
  about: string;
  chunks: Chunk[];
  /** What the same request without `stream` returns. */
  collected: Result;
}

const fixture = <Chunk, Result>(name: string): Fixture<Chunk, Result> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));

const chatFixture = (name: string) => fixture<ChatCompletionChunk, ChatCompletion>(name);

async function* streamOf<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const CHAT_FIXTURES = {
  openai: ["chat-openai-parallel-tool-calls-and-usage-chunk", "chat-openai-refusal-with-logprobs", "chat-openai-two-choices-interleaved-with-logprobs", "chat-two-tool-call-deltas-same-index-in-one-chunk", "chat-tool-calls-without-arguments"],
  azure: ["chat-azure-content-filters-chunk-without-delta-and-usage"],
};
const COMPLETION_FIXTURES = { openai: ["completion-openai-logprobs-and-usage-chunk"], azure: ["completion-azure-prompt-and-content-filters"] };

type Provider = "openai" | "azure";
/** [provider, fixture name] for each fixture of a table. */
const byProvider = (table: Record<Provider, string[]>) =>
  Object.entries(table).flatMap(([provider, names]) => names.map((name): [Provider, string] => [provider as Provider, name]));

describe("collectChat on recorded-shape streams", () => {
  test.each(Object.values(CHAT_FIXTURES).flat())("%s: the non-streamed completion, and onChunk sees every chunk in order", async (name) => {
    const { chunks, collected } = chatFixture(name);
    const seen: ChatCompletionChunk[] = [];
    const result = await collectChat(streamOf(chunks), (chunk) => seen.push(chunk));
    expect(result).toEqual(collected);
    expect(seen).toEqual(chunks);
    expect(seen.every((chunk, i) => chunk === chunks[i])).toBe(true);
  });

  test("parallel tool calls: two calls merged by index, arguments concatenated, usage from the usage chunk", async () => {
    const { choices, usage } = await collectChat(streamOf(chatFixture("chat-openai-parallel-tool-calls-and-usage-chunk").chunks));
    const calls = choices[0]!.message.tool_calls!;
    expect(calls.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ["call_Paris7Hq", "get_weather", { location: "Paris, France" }],
      ["call_Tokyo3Xz", "get_weather", { location: "Tokyo" }],
    ]);
    expect(choices[0]!.finish_reason).toBe("tool_calls");
    expect(choices[0]!.message.content).toBeNull();
    expect(usage).toMatchObject({ prompt_tokens: 82, completion_tokens: 46, total_tokens: 128 });
  });

  test("two tool-call deltas with the same index in one chunk are one call (openai-python #3201)", async () => {
    const { choices } = await collectChat(streamOf(chatFixture("chat-two-tool-call-deltas-same-index-in-one-chunk").chunks));
    expect(choices[0]!.message.tool_calls).toEqual([{ id: "functions.list_files:0", type: "function", function: { name: "list_files", arguments: ' {"path": "."}' } }]);
    expect(JSON.parse(choices[0]!.message.tool_calls![0]!.function.arguments)).toEqual({ path: "." });
  });

  test("tools without arguments are kept, with arguments \"\" (vercel/ai #5658)", async () => {
    const { choices } = await collectChat(streamOf(chatFixture("chat-tool-calls-without-arguments").chunks));
    expect(choices[0]!.message.tool_calls!.map((c) => [c.id, c.function.name, c.function.arguments])).toEqual([
      ["call_Time1", "get_time", ""],
      ["call_Date2", "get_date", ""],
    ]);
  });

  test("a refusal is concatenated into message.refusal, with its logprobs appended; content stays null", async () => {
    const { choices } = await collectChat(streamOf(chatFixture("chat-openai-refusal-with-logprobs").chunks));
    expect(choices[0]!.message).toEqual({ role: "assistant", content: null, refusal: "I'm sorry, I can't help with that." });
    expect((choices[0]!.logprobs as { refusal: { token: string }[] }).refusal.map((t) => t.token).join("")).toBe("I'm sorry, I can't help with that.");
  });

  test("Azure: id, model and created from the first real chunk, prompt_filter_results from the opening one; a chunk without delta does not crash", async () => {
    const { chunks } = chatFixture("chat-azure-content-filters-chunk-without-delta-and-usage");
    expect(chunks[0]).toMatchObject({ id: "", choices: [] });
    expect(chunks.some((c) => c.choices[0] && !("delta" in c.choices[0]))).toBe(true);
    const result = await collectChat(streamOf(chunks));
    expect(result).toMatchObject({ id: "chatcmpl-AzFilters04", model: "gpt-4o-2024-11-20", created: 1767225603, object: "chat.completion" });
    expect(result.prompt_filter_results).toEqual(chunks[0]!.prompt_filter_results);
    expect(result.choices[0]!.message.content).toBe("The sky is blue.");
    expect(result.choices[0]!.content_filter_results).toMatchObject({ hate: { filtered: false, severity: "safe" }, protected_material_text: { filtered: false, detected: false } });
  });

  test("n: 2 interleaved: each choice by its index, in index order, with its own finish_reason and logprobs", async () => {
    const { choices } = await collectChat(streamOf(chatFixture("chat-openai-two-choices-interleaved-with-logprobs").chunks));
    expect(choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
      [0, "Hello!", "length"],
      [1, "Hi there.", "stop"],
    ]);
  });

  test("an empty stream gives no choices; a stream that fails rejects with its error", async () => {
    expect(await collectChat(streamOf([]))).toEqual({ id: "", object: "chat.completion", created: 0, model: "", choices: [] });
    const failure = new Error("cut");
    const failing = (async function* () {
      yield chatFixture("chat-openai-refusal-with-logprobs").chunks[0]!;
      throw failure;
    })();
    await expect(collectChat(failing)).rejects.toBe(failure);
  });
});

describe("collectCompletion on recorded-shape streams", () => {
  test.each(Object.values(COMPLETION_FIXTURES).flat())("%s: the non-streamed completion, and onChunk sees every chunk", async (name) => {
    const { chunks, collected } = fixture<Completion, Completion>(name);
    const seen: Completion[] = [];
    expect(await collectCompletion(streamOf(chunks), (chunk) => seen.push(chunk))).toEqual(collected);
    expect(seen).toEqual(chunks);
  });
});

describe("over real HTTP", () => {
  const { openai, azure } = clientsFor({ openai: "sk-collect-test", azure: "azure-collect-key" });
  const clientFor = { openai, azure };

  test.for(byProvider(CHAT_FIXTURES))(
    "%s client, %s served as SSE: collectChat(chatStream()) is the non-streamed completion",
    async ([provider, name], t) => {
      const { chunks, collected } = chatFixture(name);
      const s = await serveFor(t, [{ sse: [...chunks, "[DONE]"] }]);
      expect(await collectChat(clientFor[provider](s).chatStream({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }))).toEqual(collected);
      expect(s.requests).toHaveLength(1);
    },
  );

  test.for(byProvider(COMPLETION_FIXTURES))(
    "%s client, %s served as SSE: collectCompletion(completeStream()) is the non-streamed completion",
    async ([provider, name], t) => {
      const { chunks, collected } = fixture<Completion, Completion>(name);
      const s = await serveFor(t, [{ sse: [...chunks, "[DONE]"] }]);
      expect(await collectCompletion(clientFor[provider](s).completeStream({ model: "gpt-35-turbo-instruct", prompt: "Once" }))).toEqual(collected);
    },
  );

  test("an error event mid-stream: collectChat rejects with the ApiError, after onChunk saw the chunks before it", async (t) => {
    const { chunks } = chatFixture("chat-openai-parallel-tool-calls-and-usage-chunk");
    const s = await serveFor(t, [{ sse: [...chunks.slice(0, 3), { error: { message: "The server had an error", type: "server_error", code: "server_error" } }] }]);
    const seen: ChatCompletionChunk[] = [];
    const error = await collectChat(openai(s).chatStream({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }), (c) => seen.push(c)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("The server had an error");
    expect(seen).toEqual(chunks.slice(0, 3));
  });

  describe("against the emulator", () => {
    let server: EmulatorServer;
    beforeAll(async () => {
      server = await startEmulator();
    });
    afterAll(() => server.close());
    const messages = [{ role: "user" as const, content: "collect these five words" }];

    test.each(["openai", "azure"] as const)("%s: collectChat of chatStream equals chat() for the same request, usage included", async (provider) => {
      const client = provider == "openai" ? server.openai() : server.azure();
      const request = { model: "gpt-4o", messages, stream_options: { include_usage: true } };
      const { stream_options: _, ...plain } = request;
      const reply = await client.chat(plain);
      let chunks = 0;
      const collected = await collectChat(client.chatStream(request), () => chunks++);
      expect(chunks).toBeGreaterThan(5);
      // Each request gets its own id and timestamp; everything else is the same answer, but for the message's
      // `annotations`, which the non-streamed answer carries as [] and no delta does.
      const choices = reply.choices.map(({ message: { annotations: _, ...message }, ...choice }) => ({ ...choice, message }));
      expect({ ...collected, id: reply.id, created: reply.created }).toEqual({ ...reply, choices });
      expect(collected.id).toMatch(/^chatcmpl-/);
    });

    test.each(["openai", "azure"] as const)("%s: collectCompletion of completeStream equals complete()", async (provider) => {
      const client = provider == "openai" ? server.openai() : server.azure();
      const reply = await client.complete({ model: "gpt-4o", prompt: "alpha beta gamma" });
      const collected = await collectCompletion(client.completeStream({ model: "gpt-4o", prompt: "alpha beta gamma", stream_options: { include_usage: true } }));
      expect({ ...collected, id: reply.id, created: reply.created }).toEqual(reply);
    });
  });
});
