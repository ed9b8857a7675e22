// Request types list the API's documented fields and nothing else, so a misspelt field is a type error (checked by
// `tsc -p test`: every `@ts-expect-error` below must meet an error); `extra_body` is the one way to send a field the
// types do not know yet. `role` and `finish_reason` are unions; chat and complete take no `stream: true`; a stream's
// `return()` always exists.
import { describe, expect, expectTypeOf, test } from "vitest";
import {
  createClient,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatMessage,
  type ChatRequest,
  type Completion,
  type CompletionRequest,
  type EmbeddingRequest,
  type EmbedManyRequest,
} from "../src/mod.ts";
import { spyFetch } from "./request-capture.ts";

const messages: ChatMessage[] = [{ role: "user", content: "Hi" }];

describe("misspelt or unknown fields are type errors", () => {
  test("chat, complete, embed, embedMany", () => {
    // @ts-expect-error: temprature is not a field (temperature is)
    const chat: ChatRequest = { model: "gpt-4o", messages, temprature: 0.2 };
    // @ts-expect-error: max_token is not a field (max_tokens is)
    const complete: CompletionRequest = { model: "m", prompt: "x", max_token: 5 };
    // @ts-expect-error: dimension is not a field (dimensions is)
    const embed: EmbeddingRequest = { model: "m", input: "A", dimension: 8 };
    // @ts-expect-error: batch_size is not a field (batchSize is)
    const many: EmbedManyRequest = { model: "m", input: ["A"], batch_size: 8 };
    // @ts-expect-error: a role outside the union
    const robot: ChatMessage = { role: "robot", content: "x" };
    // @ts-expect-error: a content part type outside the union
    const part: ChatMessage = { role: "user", content: [{ type: "video", text: "x" }] };
    expect([chat, complete, embed, many, robot, part]).toHaveLength(6);
  });

  test("chat and complete are typed stream?: false; their streaming twins take the same request", () => {
    const client = createClient({ provider: "openai", apiKey: "sk-test", fetch: spyFetch().fetch });
    const refused = () => {
      // @ts-expect-error: chat() does not stream; chatStream() does
      void client.chat({ model: "gpt-4o", messages, stream: true });
      // @ts-expect-error: complete() does not stream; completeStream() does
      void client.complete({ model: "m", prompt: "x", stream: true });
    };
    expect(typeof refused).toBe("function");
    const allowed: ChatRequest = { model: "gpt-4o", messages, stream: false };
    expect(allowed.stream).toBe(false);
  });

  test("finish_reason and role are unions", () => {
    expectTypeOf<ChatCompletion["choices"][number]["finish_reason"]>().toEqualTypeOf<
      "stop" | "length" | "tool_calls" | "content_filter" | "function_call"
    >();
    expectTypeOf<NonNullable<ChatCompletionChunk["choices"][number]["finish_reason"]>>().toEqualTypeOf<
      "stop" | "length" | "tool_calls" | "content_filter" | "function_call"
    >();
    expectTypeOf<Completion["choices"][number]["finish_reason"]>().toEqualTypeOf<"stop" | "length" | "content_filter" | null>();
    expectTypeOf<ChatCompletion["choices"][number]["message"]["role"]>().toEqualTypeOf<"assistant">();
    expectTypeOf<ChatMessage["role"]>().toEqualTypeOf<"system" | "developer" | "user" | "assistant" | "tool" | "function">();
  });
});

describe("extra_body: the one escape hatch", () => {
  test("its fields go into the body at the top level (the typed fields win), through an injected fetch answered by the emulator", async () => {
    const spy = spyFetch();
    const client = createClient({ provider: "azure", endpoint: "https://contoso.openai.azure.com", apiVersion: "v1", apiKey: "k", fetch: spy.fetch });
    await client.chat({ model: "gpt-4o", messages, temperature: 0, extra_body: { some_new_field: { on: true }, temperature: 1 } });
    await client.embed({ model: "ada", input: "A", extra_body: { input_type: "query" } });
    await client.embedMany({ model: "ada", input: ["A", "B"], extra_body: { input_type: "document" } });
    expect(spy.seen.map((s) => s.body)).toEqual([
      { model: "gpt-4o", messages, temperature: 0, some_new_field: { on: true } },
      { model: "ada", input: "A", encoding_format: "base64", input_type: "query" },
      { model: "ada", input: ["A", "B"], encoding_format: "base64", input_type: "document" },
    ]);
  });
});

describe("a stream's return() always exists", () => {
  test("so `chunks.return()` compiles under strict TypeScript, as the README's worker does it", async () => {
    const client = createClient({ provider: "openai", apiKey: "sk-test", fetch: spyFetch().fetch });
    const chunks = client.chatStream({ model: "gpt-4o", messages });
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(await chunks.return()).toEqual({ done: true, value: undefined });
  });
});
