// The Responses types: a request lists the documented fields only (a misspelt one is a type error, checked by
// `tsc -p test`: every `@ts-expect-error` must meet an error) and `extra_body` sends anything else; create is
// typed stream?: false and refuses stream: true at run time too; events narrow on `type`; output_text is on the
// results, not on the wire objects; a stream's return() always exists.
import { describe, expect, expectTypeOf, test } from "vitest";
import {
  ConfigError,
  createClient,
  type EventStream,
  type ModelResponse,
  type ResponseCreateRequest,
  type ResponseSnapshot,
  type ResponseStreamEvent,
} from "../src/mod.ts";
import { snapshot } from "./fixtures/responses-events.ts";
import { recordingFetch } from "./helpers/recording-fetch.ts";

const clientWithSpy = () => {
  const spy = recordingFetch(() => Response.json(snapshot({ status: "completed" })));
  return { client: createClient({ provider: "openai", apiKey: "sk-types", fetch: spy.fetch }), requests: spy.requests };
};

describe("requests", () => {
  test("misspelt or unknown fields are type errors", () => {
    // @ts-expect-error: instruction is not a field (instructions is)
    const a: ResponseCreateRequest = { model: "gpt-4.1", input: "Hi", instruction: "Be brief" };
    // @ts-expect-error: max_tokens is chat's; the Responses API calls it max_output_tokens
    const b: ResponseCreateRequest = { model: "gpt-4.1", input: "Hi", max_tokens: 5 };
    // @ts-expect-error: a role outside the union
    const c: ResponseCreateRequest = { model: "gpt-4.1", input: [{ role: "robot", content: "x" }] };
    // @ts-expect-error: a tool_choice outside the union
    const d: ResponseCreateRequest = { model: "gpt-4.1", input: "Hi", tool_choice: "always" };
    expect([a, b, c, d]).toHaveLength(4);
  });

  test("extra_body sends a field the types do not list, at the top level of the body; deployment never goes", async () => {
    const { client, requests } = clientWithSpy();
    await client.responses.create({ model: "gpt-4.1", input: "Hi", deployment: "x", extra_body: { new_field: { on: true } } });
    expect(JSON.parse(requests[0]!.body!)).toEqual({ model: "gpt-4.1", input: "Hi", new_field: { on: true } });
  });

  test("create is typed stream?: false, and a stream: true that gets past the types is a ConfigError, no request", async () => {
    const { client, requests } = clientWithSpy();
    const refused = () =>
      // @ts-expect-error: create() does not stream; stream() does
      client.responses.create({ model: "gpt-4.1", input: "Hi", stream: true });
    await expect(refused()).rejects.toBeInstanceOf(ConfigError);
    await expect(refused()).rejects.toThrow(/responses\.stream\(\)/);
    expect(requests).toEqual([]);
    const allowed: ResponseCreateRequest = { model: "gpt-4.1", input: "Hi", stream: false };
    expect(allowed.stream).toBe(false);
  });
});

describe("results and events", () => {
  test("output_text is on what the client resolves to, not on the wire's response objects", () => {
    expectTypeOf<ModelResponse["output_text"]>().toEqualTypeOf<string>();
    expectTypeOf<ResponseSnapshot>().not.toHaveProperty("output_text");
    expectTypeOf<Extract<ResponseStreamEvent, { type: "response.completed" }>>().toBeNever();
  });

  test("events narrow on type, and every event has a sequence_number", () => {
    const read = (event: ResponseStreamEvent) => {
      expectTypeOf(event.sequence_number).toEqualTypeOf<number>();
      if (event.type === "response.output_text.delta") expectTypeOf(event.delta).toEqualTypeOf<string>();
      if (event.type === "response.function_call_arguments.done") expectTypeOf(event.arguments).toEqualTypeOf<string>();
      if (event.type === "response.completed") expectTypeOf(event.response).toEqualTypeOf<ResponseSnapshot>();
      if (event.type === "error") expectTypeOf(event.code).toEqualTypeOf<string | null>();
      if (event.type === "response.output_item.done" && event.item.type === "function_call") {
        expectTypeOf(event.item.call_id).toEqualTypeOf<string>();
      }
    };
    expect(typeof read).toBe("function");
  });

  test("stream and resume return an EventStream, whose return() always exists", () => {
    const { client } = clientWithSpy();
    expectTypeOf(client.responses.stream).returns.toEqualTypeOf<EventStream<ResponseStreamEvent>>();
    expectTypeOf(client.responses.resume).returns.toEqualTypeOf<EventStream<ResponseStreamEvent>>();
    expectTypeOf(client.responses.create).returns.resolves.toEqualTypeOf<ModelResponse>();
  });
});
