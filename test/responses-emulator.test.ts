// client.responses over real HTTP against the emulator, on each route form (OpenAI /v1, Azure /openai/v1, Azure
// dated /openai/…?api-version=…): the exact method, URL and body the server received for every operation, the
// model→deployment mapping, the too-old version refused before any request, output_text on every result, the
// events of a stream, background responses (polling, a cut stream resumed), and streams released on break/abort.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  type AzureConfig,
  type Client,
  collectResponse,
  ConfigError,
  ConnectionError,
  type ResponseStreamEvent,
} from "../src/mod.ts";
import { type EmulatorServer, startEmulator } from "./helpers.ts";
import { within } from "./helpers/scripted-stream.ts";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ deployments: { "prod-gpt41": { model: "gpt-4.1-2025-04-14" }, canary: {} } });
});
afterAll(() => server.close());
afterEach(() => server.emulator.reset());

/** One route form: a client for it, and the URL prefix and query its Responses calls must use. */
interface Form {
  name: string;
  client(): Client;
  /** `…/responses` on this server, without query. */
  root(): string;
  /** The form's own query (dated Azure: its api-version), before the call's. */
  version?: string;
  /** What `model: "gpt-4.1"` is sent as. */
  model: string;
}

const azure = (config: Partial<AzureConfig>) => server.azure({ deployments: { "gpt-4.1": "prod-gpt41" }, ...config });
const FORMS: Form[] = [
  { name: "OpenAI", client: () => server.openai(), root: () => server.url + "/v1/responses", model: "gpt-4.1" },
  {
    name: "Azure v1",
    client: () => azure({ apiVersion: "v1" }),
    root: () => server.url + "/openai/v1/responses",
    model: "prod-gpt41",
  },
  {
    name: "Azure dated (2025-04-01-preview)",
    client: () => azure({ apiVersion: "2025-04-01-preview" }),
    root: () => server.url + "/openai/responses",
    version: "api-version=2025-04-01-preview",
    model: "prod-gpt41",
  },
];

const url = (form: Form, sub: string, query?: string) => {
  const search = [form.version, query].filter(Boolean).join("&");
  return form.root() + sub + (search ? "?" + search : "");
};

/** Whether a recorded request came without a body (the emulator records an empty one as `{}`). */
const bodiless = (headers: Record<string, string>) =>
  headers["content-type"] === undefined && (headers["content-length"] ?? "0") == "0";

/** What the emulator received, as [method, URL, JSON body or undefined for none]. */
const received = () => server.emulator.requests.map((r) => [r.method, r.url, bodiless(r.headers) ? undefined : r.body]);

async function drain(events: AsyncIterable<ResponseStreamEvent>) {
  const seen: ResponseStreamEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
    return { events: seen };
  } catch (error) {
    return { events: seen, error };
  }
}

const TOOLS = [{
  type: "function" as const,
  name: "lookup",
  description: "Look it up",
  parameters: { type: "object", properties: { q: { type: "string" } }, required: ["q"] },
}];

describe.each(FORMS)("$name", (form) => {
  test("create: POST …/responses, the deployment as model; the response with output_text", async () => {
    const r = await form.client().responses.create({
      model: "gpt-4.1",
      input: "Hello there",
      instructions: "Be brief",
    });
    expect(received()).toEqual([["POST", url(form, ""), {
      model: form.model,
      input: "Hello there",
      instructions: "Be brief",
    }]]);
    expect(r).toMatchObject({
      object: "response",
      status: "completed",
      error: null,
      incomplete_details: null,
      output_text: "You said: Hello there",
    });
    expect(r.id).toMatch(/^resp_/);
    expect(r.usage).toMatchObject({ output_tokens: 4, total_tokens: r.usage!.input_tokens + 4 });
  });

  test("every operation on a stored response: exact methods, URLs and bodies, in order", async () => {
    const client = form.client();
    const job = await client.responses.create({ model: "gpt-4.1", input: "one two", background: true, store: true });
    const id = job.id;
    const retrieved = await client.responses.retrieve(id);
    const items = await client.responses.inputItems(id, { limit: 5, order: "asc" });
    const resumed = await drain(client.responses.resume(id, { starting_after: 2 }));
    const cancelled = await client.responses.cancel(id);
    await client.responses.delete(id);
    expect(received()).toEqual([
      ["POST", url(form, ""), { model: form.model, input: "one two", background: true, store: true }],
      ["GET", url(form, "/" + id), undefined],
      ["GET", url(form, `/${id}/input_items`, "limit=5&order=asc"), undefined],
      ["GET", url(form, "/" + id, "stream=true&starting_after=2"), undefined],
      ["POST", url(form, `/${id}/cancel`), undefined],
      ["DELETE", url(form, "/" + id), undefined],
    ]);
    expect(job.status).toBe("queued");
    expect(retrieved.status).toBe("in_progress");
    expect(items.data).toEqual([expect.objectContaining({ type: "message", role: "user", id: expect.any(String) })]);
    expect(resumed.error).toBeUndefined();
    expect(resumed.events[0]!.sequence_number).toBe(3);
    expect(resumed.events.at(-1)!.type).toBe("response.completed");
    expect(cancelled).toMatchObject({ id, status: "completed", output_text: "You said: one two" });
    await expect(client.responses.retrieve(id)).rejects.toMatchObject({ status: 404 });
  });

  test("retrieve resolves with output_text, as create did", async () => {
    const client = form.client();
    const created = await client.responses.create({ model: "gpt-4.1", input: "keep this" });
    const retrieved = await client.responses.retrieve(created.id);
    expect(retrieved).toEqual(created);
    expect(retrieved.output_text).toBe("You said: keep this");
  });

  test("stream: stream: true sent; events numbered from 0 up to response.completed; collectResponse agrees", async () => {
    const client = form.client();
    const { events, error } = await drain(client.responses.stream({ model: "gpt-4.1", input: "Hi you" }));
    expect(error).toBeUndefined();
    expect(received()).toEqual([["POST", url(form, ""), { model: form.model, input: "Hi you", stream: true }]]);
    expect(server.emulator.requests[0]!.headers.accept).toBe("text/event-stream");
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events[0]!.type).toBe("response.created");
    expect(events.at(-1)!.type).toBe("response.completed");
    const deltas = events.flatMap((e) => (e.type == "response.output_text.delta" ? [e.delta] : []));
    expect(deltas.join("")).toBe("You said: Hi you");

    const seen: string[] = [];
    const final = await collectResponse(
      client.responses.stream({ model: "gpt-4.1", input: "Hi you" }),
      (e) => seen.push(e.type),
    );
    expect(final.output_text).toBe("You said: Hi you");
    expect(final.status).toBe("completed");
    expect(seen).toEqual(events.map((e) => e.type));
  });

  test("tools: a function_call output item with call_id, name and arguments, streamed in pieces", async () => {
    const client = form.client();
    const r = await client.responses.create({ model: "gpt-4.1", input: "weather in Paris", tools: TOOLS });
    const call = r.output.find((item) => item.type == "function_call");
    expect(call).toMatchObject({
      type: "function_call",
      call_id: expect.any(String),
      name: "lookup",
      arguments: expect.any(String),
    });
    expect(r.output_text).toBe("");
    const { events } = await drain(
      client.responses.stream({ model: "gpt-4.1", input: "weather in Paris", tools: TOOLS }),
    );
    const pieces = events.flatMap((e) => (e.type == "response.function_call_arguments.delta" ? [e.delta] : []));
    const done = events.find((e) => e.type == "response.function_call_arguments.done");
    expect(pieces.length).toBeGreaterThan(0);
    expect(done).toMatchObject({ arguments: pieces.join("") });
  });

  test("max_output_tokens: the stream ends at response.incomplete, and collectResponse resolves to it", async () => {
    const final = await collectResponse(
      form.client().responses.stream({ model: "gpt-4.1", input: "a b c d e f g h", max_output_tokens: 2 }),
    );
    expect(final.status).toBe("incomplete");
    expect(final.incomplete_details).toEqual({ reason: "max_output_tokens" });
  });

  test("background, polled: queued, then in_progress, then completed with output_text", async () => {
    const client = form.client();
    let job = await client.responses.create({ model: "gpt-4.1", input: "slow job", background: true, store: true });
    const statuses = [job.status];
    while (job.status == "queued" || job.status == "in_progress") {
      job = await client.responses.retrieve(job.id);
      statuses.push(job.status);
    }
    expect(statuses).toEqual(["queued", "in_progress", "completed"]);
    expect(job.output_text).toBe("You said: slow job");
  });

  test("background stream cut: ConnectionError; resume from the last sequence_number loses and repeats nothing", async () => {
    const client = form.client();
    server.emulator.failNext({ cutAfter: 5, route: "responses" });
    const first = await drain(
      client.responses.stream({ model: "gpt-4.1", input: "a b c d", background: true, store: true }),
    );
    expect(first.error).toBeInstanceOf(ConnectionError);
    expect(first.events).toHaveLength(5);
    const created = first.events[0] as Extract<ResponseStreamEvent, { response: unknown }>;
    const last = first.events.at(-1)!.sequence_number;
    const rest = await drain(client.responses.resume(created.response.id, { starting_after: last }));
    expect(rest.error).toBeUndefined();
    const all = [...first.events, ...rest.events];
    expect(all.map((e) => e.sequence_number)).toEqual(all.map((_, i) => i));
    expect(all.at(-1)!.type).toBe("response.completed");
    const deltas = all.flatMap((e) => (e.type == "response.output_text.delta" ? [e.delta] : []));
    expect(deltas.join("")).toBe("You said: a b c d");
    expect(server.emulator.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  test("an id is one encoded path segment: the server gets it whole and answers 404 for it", async () => {
    const error = await form.client().responses.retrieve("resp_x/../y?z").catch((e) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(received()).toEqual([["GET", url(form, "/resp_x%2F..%2Fy%3Fz"), undefined]]);
  });
});

describe("Azure: where the deployment goes", () => {
  test.each(FORMS.slice(1))(
    "$name: an explicit deployment is sent as model, never as a field of its own",
    async (form) => {
      await form.client().responses.create({ model: "gpt-4.1", deployment: "canary", input: "Hi" });
      await drain(form.client().responses.stream({ model: "gpt-4.1", deployment: "canary", input: "Hi" }));
      expect(received()).toEqual([
        ["POST", url(form, ""), { model: "canary", input: "Hi" }],
        ["POST", url(form, ""), { model: "canary", input: "Hi", stream: true }],
      ]);
    },
  );
});

describe("a dated Azure version before 2025-03-01-preview", () => {
  test.each(["2024-10-21", "2025-01-01-preview"])(
    "%s: every call is a ConfigError naming the version needed and v1; the server gets nothing",
    async (apiVersion) => {
      const client = azure({ apiVersion });
      const outcomes = await Promise.all([
        client.responses.create({ model: "gpt-4.1", input: "Hi" }).catch((e) => e),
        client.responses.retrieve("resp_1").catch((e) => e),
        client.responses.inputItems("resp_1").catch((e) => e),
        client.responses.cancel("resp_1").catch((e) => e),
        client.responses.delete("resp_1").catch((e) => e),
      ]);
      const thrown = [
        () => client.responses.stream({ model: "gpt-4.1", input: "Hi" }),
        () => client.responses.resume("resp_1"),
      ].map((f) => {
        try {
          f();
        } catch (e) {
          return e;
        }
      });
      for (const error of [...outcomes, ...thrown]) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).toMatch(/2025-03-01-preview.*"v1"/);
      }
      expect(server.emulator.requests).toEqual([]);
    },
  );
});

describe("releasing the connection", () => {
  test("break after two events of a long stream: the emulator sees its stream cancelled", async () => {
    const long = await startEmulator({ replyTokens: 50_000 });
    try {
      const types: string[] = [];
      for await (const event of long.openai().responses.stream({ model: "gpt-4.1", input: "go on" })) {
        types.push(event.type);
        if (types.length == 2) break;
      }
      expect(types).toEqual(["response.created", "response.in_progress"]);
      await within(
        until(() => long.emulator.stats.streamsCancelled == 1),
        5000,
        "the emulator to see the stream cancelled",
      );
    } finally {
      await long.close();
    }
  });

  test("abort while the stream is silent: next() rejects with the reason, the emulator cancels its stream", async () => {
    server.emulator.failNext({ stallMs: 60_000, route: "responses/{id}" });
    const client = server.openai();
    const job = await client.responses.create({ model: "gpt-4.1", input: "hold on", background: true, store: true });
    const controller = new AbortController();
    const iterator = client.responses.resume(job.id, {}, { signal: controller.signal });
    const pending = iterator.next().then(
      () => "resolved",
      (e: unknown) => e,
    );
    await until(() => server.emulator.requests.length == 2);
    const reason = new Error("the user left");
    controller.abort(reason);
    expect(await within(pending, 3000, "next() to reject")).toBe(reason);
    await within(
      until(() => server.emulator.stats.streamsCancelled == 1),
      5000,
      "the emulator to see the stream cancelled",
    );
  });
});

/** Resolves once `condition()` holds, checking every 5 ms. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
