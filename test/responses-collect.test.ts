// collectResponse and output_text over plain async iterables: the final response of a stream, output_text as the
// official SDK computes it, every event handed to onEvent in order, and no finished answer from a broken stream.
import { describe, expect, test } from "vitest";
import {
  ApiError,
  collectResponse,
  ConnectionError,
  type ResponseLifecycleEvent,
  type ResponseOutputItem,
  type ResponseStreamEvent,
} from "../src/mod.ts";
import { azureToolCallEvents, message, MIXED_OUTPUT, snapshot, textEvents } from "./fixtures/responses-events.ts";

/** An async iterable over `events` that records how far it was read and whether it was closed early. */
function source(events: ResponseStreamEvent[], { thenFail }: { thenFail?: Error } = {}) {
  const state = { read: 0, closedEarly: false, finished: false };
  async function* generate() {
    try {
      for (const event of events) {
        state.read++;
        yield event;
      }
      if (thenFail) throw thenFail;
      state.finished = true;
    } finally {
      if (!state.finished && !thenFail) state.closedEarly = true;
    }
  }
  return { events: generate(), state };
}

const completed = (output: ResponseOutputItem[]): ResponseStreamEvent => ({
  type: "response.completed",
  sequence_number: 0,
  response: snapshot({ status: "completed", output }),
});

describe("output_text", () => {
  test("joins every output_text part of every message item, skipping refusals, reasoning and function calls", async () => {
    const final = await collectResponse(source([completed(MIXED_OUTPUT)]).events);
    expect(final.output_text).toBe("Hello, world!");
  });

  test('is "" when no message has text (a function call only, or no output at all)', async () => {
    expect((await collectResponse(source(azureToolCallEvents()).events)).output_text).toBe("");
    expect((await collectResponse(source([completed([])]).events)).output_text).toBe("");
  });

  test("keeps the text of several messages in output order, with nothing added between them", async () => {
    const final = await collectResponse(
      source([completed([message("a", "one"), message("b", " two", " three")])]).events,
    );
    expect(final.output_text).toBe("one two three");
  });
});

describe("collectResponse", () => {
  test("resolves to the response.completed event's response, with output_text and everything else as sent", async () => {
    const events = textEvents(["Hel", "lo", " there"]);
    const final = await collectResponse(source(events).events);
    const terminal = events.at(-1) as ResponseLifecycleEvent;
    expect(final).toEqual({ ...terminal.response, output_text: "Hello there" });
    expect(final).toMatchObject({
      id: "resp_fixture",
      status: "completed",
      usage: { input_tokens: 9, output_tokens: 4, total_tokens: 13 },
    });
  });

  test("hands every event to onEvent, in order, the terminal one included", async () => {
    const events = textEvents(["a", "b", "c"]);
    const seen: ResponseStreamEvent[] = [];
    await collectResponse(source(events).events, (event) => seen.push(event));
    expect(seen).toEqual(events);
    expect(seen.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
  });

  test("response.incomplete is final too: its response, with incomplete_details and the text so far", async () => {
    const final = await collectResponse(source(textEvents(["cut ", "short"], "response.incomplete")).events);
    expect(final).toMatchObject({
      status: "incomplete",
      incomplete_details: { reason: "max_output_tokens" },
      output_text: "cut short",
    });
  });

  test("keeps Azure's extra content_filters on the final response", async () => {
    const final = await collectResponse(source(azureToolCallEvents()).events);
    expect(final.content_filters).toEqual([expect.objectContaining({ blocked: false, source_type: "prompt" })]);
    expect(final.output).toEqual([{
      type: "function_call",
      id: "fc_fixture",
      call_id: "call_fixture",
      name: "get_weather",
      arguments: '{"city":"Paris"}',
      status: "completed",
    }]);
  });

  test("a stream that ends without a terminal event is a ConnectionError, not a finished answer", async () => {
    const events = textEvents(["never", " finished"]).slice(0, -1);
    const seen: string[] = [];
    const error = await collectResponse(source(events).events, (e) => seen.push(e.type)).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/response\.completed/);
    expect(seen).toHaveLength(events.length);
  });

  test("a response.failed event does not end the collection as if finished", async () => {
    const failed: ResponseStreamEvent = {
      type: "response.failed",
      sequence_number: 2,
      response: snapshot({ status: "failed", error: { code: "server_error", message: "boom" } }),
    };
    await expect(collectResponse(source([...textEvents(["x"]).slice(0, 2), failed]).events)).rejects.toBeInstanceOf(
      ConnectionError,
    );
  });

  test("stops reading at the terminal event and closes the source (which releases a stream's connection)", async () => {
    const events = textEvents(["a"]);
    const extra: ResponseStreamEvent = { type: "response.in_progress", sequence_number: 99, response: snapshot() };
    const { events: iterable, state } = source([...events, extra]);
    await collectResponse(iterable);
    expect(state).toEqual({ read: events.length, closedEarly: true, finished: false });
  });

  test("rejects with the stream's own error, unchanged (an ApiError from response.failed stays that ApiError)", async () => {
    const apiError = new ApiError({
      status: 200,
      provider: "openai",
      headers: new Headers(),
      body: {},
      message: "model failed",
    });
    const { events } = source(textEvents(["a", "b"]).slice(0, 3), { thenFail: apiError });
    await expect(collectResponse(events)).rejects.toBe(apiError);
  });

  test("an onEvent that throws rejects the collection and closes the source", async () => {
    const { events, state } = source(textEvents(["a", "b"]));
    const oops = new Error("tap failed");
    await expect(
      collectResponse(events, (e) => {
        if (e.type == "response.output_text.delta") throw oops;
      }),
    ).rejects.toBe(oops);
    expect(state.closedEarly).toBe(true);
  });
});
