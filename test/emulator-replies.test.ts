// `reply(request)`: what the emulated model says to chat, completions and Responses calls, streamed or not — text,
// tool calls (streamed id and name first, then arguments in pieces) and refusals, with usage counted.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReplyRequest } from "../src/testing.ts";
import { callJson, callSse, FORMS, urlOf } from "./helpers/emulator-http.ts";
import { type EmulatorServer, startEmulator } from "./helpers.ts";

const asked: ReplyRequest[] = [];
let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({
    deployments: { "gpt-4o": {}, tools: {}, refuse: {}, "gpt-35-turbo-instruct": {} },
    reply: async (request) => {
      asked.push(request);
      if (request.prompt.includes("tool") || request.deployment == "tools") {
        return {
          toolCalls: [{ name: "lookup", arguments: { q: "the capital of France" } }, {
            name: "clock",
            id: "call_fixed",
          }],
        };
      }
      if (request.prompt.includes("refuse") || request.deployment == "refuse") {
        return { refusal: "I can't help with that." };
      }
      return request.model == "gpt-4o" ? "Paris is the capital." : "Something else";
    },
  });
});
afterAll(() => server.close());

const messages = (content: string) => [{ role: "user", content }];
const openaiChat = (body: Record<string, unknown>) =>
  callJson(`${server.url}/v1/chat/completions`, { body, headers: { authorization: "Bearer sk-test" } });
const azureChat = (deployment: string, body: Record<string, unknown>) =>
  callJson(`${server.url}/openai/deployments/${deployment}/chat/completions?api-version=2024-10-21`, {
    body,
    headers: { "api-key": "k" },
  });

describe("text", () => {
  test("chat, completions and Responses on both providers say what reply returns; the request it was given", async () => {
    asked.length = 0;
    expect((await openaiChat({ model: "gpt-4o", messages: messages("Capital?") })).body.choices[0].message.content)
      .toBe("Paris is the capital.");
    expect((await openaiChat({ model: "gpt-4.1", messages: messages("Capital?") })).body.choices[0].message.content)
      .toBe("Something else");
    expect((await azureChat("gpt-4o", { messages: messages("Capital?") })).body.choices[0].message.content).toBe(
      "Paris is the capital.",
    );
    const completion = await callJson(
      `${server.url}/openai/deployments/gpt-35-turbo-instruct/completions?api-version=2024-10-21`,
      { body: { prompt: "Capital?" }, headers: { "api-key": "k" } },
    );
    expect(completion.body.choices[0].text).toBe("Something else");
    const response = await callJson(urlOf(server.url, FORMS[1]!, "responses"), {
      body: { model: "gpt-4o", input: "Capital?" },
      headers: FORMS[1]!.headers,
    });
    expect(response.body.output[0].content[0].text).toBe("Paris is the capital.");
    expect(asked.map((r) => [r.operation, r.provider, r.model, r.deployment, r.prompt, r.stream])).toEqual([
      ["chat/completions", "openai", "gpt-4o", undefined, "Capital?", false],
      ["chat/completions", "openai", "gpt-4.1", undefined, "Capital?", false],
      ["chat/completions", "azure", "gpt-4o", "gpt-4o", "Capital?", false],
      ["completions", "azure", "gpt-35-turbo-instruct", "gpt-35-turbo-instruct", "Capital?", false],
      ["responses", "azure", "gpt-4o", "gpt-4o", "Capital?", false],
    ]);
    expect(asked[0]!.body.messages).toEqual(messages("Capital?"));
  });

  test("usage counts the reply's tokens", async () => {
    const { body } = await openaiChat({ model: "gpt-4o", messages: messages("Capital?") });
    expect(body.usage).toMatchObject({ completion_tokens: 4, total_tokens: body.usage.prompt_tokens + 4 });
  });

  test("streamed, the deltas spell the reply", async () => {
    const { events } = await callSse(`${server.url}/v1/chat/completions`, {
      body: { model: "gpt-4o", messages: messages("Capital?"), stream: true },
      headers: { authorization: "Bearer sk-test" },
    });
    expect(events.at(-1)!.data).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((e) => e.data);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toBe("Paris is the capital.");
    expect(asked.at(-1)!.stream).toBe(true);
  });
});

describe("tool calls", () => {
  test("chat: content null, tool_calls with ids, names and JSON arguments, finish_reason tool_calls", async () => {
    const { body } = await azureChat("tools", { messages: messages("Capital?") });
    expect(body.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        role: "assistant",
        content: null,
        tool_calls: [
          { type: "function", function: { name: "lookup", arguments: '{"q":"the capital of France"}' } },
          { id: "call_fixed", type: "function", function: { name: "clock", arguments: "{}" } },
        ],
      },
    });
    expect(body.choices[0].message.tool_calls[0].id).toMatch(/^call_/);
    expect(body.usage.completion_tokens).toBeGreaterThan(0);
  });

  test("chat stream: each call's id, type and name first with empty arguments, then its arguments in pieces", async () => {
    const { events } = await callSse(`${server.url}/v1/chat/completions`, {
      body: { model: "gpt-4o", messages: messages("use a tool"), stream: true },
      headers: { authorization: "Bearer sk-test" },
    });
    const deltas = events.slice(0, -1).map((e) => e.data.choices[0]?.delta?.tool_calls?.[0]).filter(Boolean);
    const first = deltas.filter((d) => d.index == 0);
    expect(first[0]).toMatchObject({ index: 0, type: "function", function: { name: "lookup", arguments: "" } });
    expect(first[0].id).toMatch(/^call_/);
    expect(first.slice(1).every((d) => d.id === undefined && d.function.name === undefined)).toBe(true);
    expect(first.length).toBeGreaterThan(2);
    expect(first.map((d) => d.function.arguments).join("")).toBe('{"q":"the capital of France"}');
    const second = deltas.filter((d) => d.index == 1);
    expect(second[0]).toMatchObject({ id: "call_fixed", function: { name: "clock", arguments: "" } });
    expect(second.map((d) => d.function.arguments).join("")).toBe("{}");
    expect(events.at(-2)!.data.choices[0].finish_reason).toBe("tool_calls");
  });

  test("Responses: function_call items, streamed with function_call_arguments.delta / done", async () => {
    const form = FORMS[0]!;
    const { events } = await callSse(urlOf(server.url, form, "responses"), {
      body: { model: "gpt-4o", input: "use a tool", stream: true },
      headers: form.headers,
    });
    const done = events.filter((e) => e.event == "response.function_call_arguments.done").map((e) => e.data);
    expect(done.map((d) => [d.name, d.arguments])).toEqual([
      ["lookup", '{"q":"the capital of France"}'],
      ["clock", "{}"],
    ]);
    const output = events.at(-1)!.data.response.output;
    expect(output.map((item: { type: string; call_id: string }) => [item.type, item.call_id])).toEqual([
      ["function_call", expect.stringMatching(/^call_/)],
      ["function_call", "call_fixed"],
    ]);
  });
});

describe("refusals", () => {
  test("chat: message.refusal, content null; streamed as refusal deltas", async () => {
    const { body } = await azureChat("refuse", { messages: messages("x") });
    expect(body.choices[0].message).toMatchObject({
      role: "assistant",
      content: null,
      refusal: "I can't help with that.",
    });
    const { events } = await callSse(`${server.url}/v1/chat/completions`, {
      body: { model: "gpt-4o", messages: messages("please refuse"), stream: true },
      headers: { authorization: "Bearer sk-test" },
    });
    const pieces = events.slice(0, -1).map((e) => e.data.choices[0]?.delta?.refusal).filter((r) =>
      typeof r == "string"
    );
    expect(pieces.join("")).toBe("I can't help with that.");
  });

  test("Responses: a refusal content part, streamed as response.refusal.delta / done", async () => {
    const form = FORMS[2]!;
    const { events } = await callSse(urlOf(server.url, form, "responses"), {
      body: { model: "refuse", input: "x", stream: true },
      headers: form.headers,
    });
    expect(events.filter((e) => e.event == "response.refusal.delta").map((e) => e.data.delta).join("")).toBe(
      "I can't help with that.",
    );
    expect(events.at(-1)!.data.response.output[0].content).toEqual([{
      type: "refusal",
      refusal: "I can't help with that.",
    }]);
  });
});

test("without reply, the echo stays; with function tools it calls the first one until a tool result comes back", async () => {
  const plain = await startEmulator();
  try {
    const chat = (body: Record<string, unknown>) =>
      callJson(`${plain.url}/v1/chat/completions`, {
        body: { model: "gpt-4o", ...body },
        headers: { authorization: "Bearer sk-test" },
      });
    expect((await chat({ messages: messages("Hi") })).body.choices[0].message.content).toBe("You said: Hi");
    const tools = [{
      type: "function",
      function: { name: "find", parameters: { type: "object", properties: { query: { type: "string" } } } },
    }];
    const called = (await chat({ messages: messages("Hi"), tools })).body.choices[0];
    expect(called.finish_reason).toBe("tool_calls");
    expect(called.message.tool_calls[0].function).toEqual({ name: "find", arguments: '{"query":"Hi"}' });
    const answered = await chat({
      messages: [...messages("Hi"), called.message, {
        role: "tool",
        tool_call_id: called.message.tool_calls[0].id,
        content: "found",
      }],
      tools,
    });
    expect(answered.body.choices[0]).toMatchObject({ finish_reason: "stop", message: { content: "You said: Hi" } });
  } finally {
    await plain.close();
  }
});
