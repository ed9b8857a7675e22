// The way the README tells users to test their own app: the app's code (test/fixtures/support-bot.ts) against the
// emulator over real HTTP, once per provider, scripting what the model says with `reply` and how the service fails
// with `failNext`, and checking what the app sent in `emulator.requests`.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type Client, createClient } from "../src/mod.ts";
import { contentFilterError, createEmulator, type ReplyRequest, serve, type Served } from "../src/testing.ts";
import { answer, BLOCKED, BUSY, streamAnswer } from "./fixtures/support-bot.ts";

// The model, scripted: ask for the order's status, then answer with what the tool said.
const model = (request: ReplyRequest) => {
  const last = request.body.messages?.at(-1);
  if (last?.role == "tool") return `Your order is ${String(last.content)}.`;
  const order = /#(\d+)/.exec(request.prompt)?.[1];
  return order ? { toolCalls: [{ name: "lookup_order", arguments: { order_id: order } }] } : "How can I help?";
};

const emulator = createEmulator({ deployments: { "gpt-4o": {} }, reply: model });
let server: Served;
beforeAll(async () => {
  server = await serve(emulator.handle);
});
afterAll(() => server.close());
beforeEach(() => emulator.reset());

// The app's two configurations: only the config differs.
const providers: [string, () => Client][] = [
  ["OpenAI", () => createClient({ provider: "openai", apiKey: "sk-test", baseURL: `${server.url}/v1` })],
  [
    "Azure OpenAI",
    () => createClient({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21", apiKey: "test-key" }),
  ],
];

describe.each(providers)("the support bot on %s", (_, client) => {
  test("looks the order up with the tool the model calls, and answers with its result", async () => {
    const looked: string[] = [];
    const reply = await answer(client(), "Where is my order #4711?", async (id) => {
      looked.push(id);
      return "shipped";
    });
    expect(reply).toBe("Your order is shipped.");
    expect(looked).toEqual(["4711"]);
    // The second request carried the model's call and the tool's result, tied by the call's id.
    const [first, second] = emulator.requests;
    expect(emulator.requests).toHaveLength(2);
    expect(first!.body.tools?.[0]).toMatchObject({ type: "function", function: { name: "lookup_order" } });
    const call = second!.body.messages?.at(-2)?.tool_calls?.[0];
    expect(call?.function).toEqual({ name: "lookup_order", arguments: '{"order_id":"4711"}' });
    expect(second!.body.messages?.at(-1)).toEqual({ role: "tool", tool_call_id: call?.id, content: "shipped" });
  });

  test("rides out two rate-limited answers: the client retries, the customer gets the answer", async () => {
    emulator.failNext({ status: 429 }, 2);
    expect(await answer(client(), "Hello", async () => "unused")).toBe("How can I help?");
    expect(emulator.requests).toHaveLength(3);
  });

  test("tells the customer the service is busy when it keeps failing (no stack trace, no endless retries)", async () => {
    emulator.failNext({ status: 503 }, 10);
    expect(await answer(client(), "Hello", async () => "unused")).toBe(BUSY);
    expect(emulator.requests).toHaveLength(3); // the client's 2 retries, then the app's message
  });

  test("streams the answer piece by piece", async () => {
    const pieces: string[] = [];
    expect(await streamAnswer(client(), "Hello", (piece) => pieces.push(piece))).toBe("How can I help?");
    expect(pieces.filter(Boolean).length).toBeGreaterThan(1);
  });

  test("a stream cut halfway is an error, not a short answer", async () => {
    emulator.failNext({ cutAfter: 3 });
    await expect(streamAnswer(client(), "Hello", () => {})).rejects.toThrow();
  });
});

test("on Azure, a prompt the content filter blocks gets the polite refusal", async () => {
  emulator.failNext({ status: 400, body: contentFilterError("prompt") });
  const azure = providers[1]![1]();
  expect(await answer(azure, "Something the filter blocks", async () => "unused")).toBe(BLOCKED);
});
