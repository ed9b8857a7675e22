// The emulator serves the Responses API like the services, on each route form (OpenAI /v1/responses, Azure
// /openai/v1/responses, Azure /openai/responses?api-version=…): create, streams of typed events, stored responses,
// background responses and their resumed streams, input items, and the services' refusals. Plain fetch over HTTP.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PASSED_FILTERS } from "../src/testing.ts";
import { callJson, callSse, type Form, FORMS, urlOf } from "./helpers/emulator-http.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ azureKeys: ["azure-key"], deployments: { "gpt-4.1": { model: "gpt-4.1-2025-04-14" }, "gpt-4o": {} } });
});
afterAll(() => server.close());

const url = (form: Form, path: string) => urlOf(server.url, form, path);
const create = (form: Form, body: Record<string, unknown>) => callJson(url(form, "responses"), { body: { model: "gpt-4.1", ...body }, headers: form.headers });
const get = (form: Form, path: string) => callJson(url(form, path), { headers: form.headers });

const TOOLS = [{ type: "function", name: "lookup", description: "Look it up", parameters: { type: "object", properties: { q: { type: "string" } }, required: ["q"] } }];

describe.each(FORMS)("$name", (form) => {
  const azure = form.name != "OpenAI";

  test("POST responses: a completed response with a message, usage, and the optional fields the service sends", async () => {
    server.emulator.reset();
    const { status, headers, body } = await create(form, { input: "Hello there", instructions: "Be brief" });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toMatchObject({
      object: "response",
      status: "completed",
      // On Azure the body's model is the deployment; the response reports the deployment's model.
      model: azure ? "gpt-4.1-2025-04-14" : "gpt-4.1",
      instructions: "Be brief",
      error: null,
      incomplete_details: null,
      service_tier: "default",
      store: true,
      background: false,
      output: [{ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: "You said: Hello there", annotations: [] }] }],
    });
    expect(body.id).toMatch(/^resp_/);
    expect(body.output[0].id).toMatch(/^msg_/);
    expect(body.usage).toEqual({
      input_tokens: expect.any(Number),
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 4,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: body.usage.input_tokens + 4,
    });
    if (azure) expect(body.content_filters.map((f: { source_type: string }) => f.source_type)).toEqual(["prompt", "completion"]);
    else expect(body).not.toHaveProperty("content_filters");
    const [request] = server.emulator.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(url(form, "responses"));
    expect(request!.body.model).toBe("gpt-4.1");
  });

  test("stream: true sends typed events, event: line = data.type, sequence_number 0, 1, 2… and a terminal response.completed", async () => {
    const { status, headers, events } = await callSse(url(form, "responses"), { body: { model: "gpt-4.1", input: "Hi you", stream: true }, headers: form.headers });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(events.every((e) => e.event == e.data.type)).toBe(true);
    expect(events.map((e) => e.data.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.event)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const deltas = events.filter((e) => e.event == "response.output_text.delta").map((e) => e.data);
    expect(deltas.map((d) => d.delta).join("")).toBe("You said: Hi you");
    const itemId = events[2]!.data.item.id;
    for (const d of deltas) expect(d).toMatchObject({ item_id: itemId, output_index: 0, content_index: 0 });
    expect(events[8]!.data).toMatchObject({ item_id: itemId, text: "You said: Hi you" });
    expect(events[0]!.data.response).toMatchObject({ status: "in_progress", output: [], usage: null });
    const completed = events.at(-1)!.data.response;
    expect(completed.status).toBe("completed");
    expect(completed.output[0].content[0].text).toBe("You said: Hi you");
    if (azure) {
      expect(events[0]!.data.response.content_filters).toBeNull();
      expect(completed.content_filters).toEqual([
        { blocked: false, source_type: "prompt", content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } }, content_filter_offsets: expect.any(Object) },
        { blocked: false, source_type: "completion", content_filter_results: PASSED_FILTERS, content_filter_offsets: expect.any(Object) },
      ]);
    } else expect(completed).not.toHaveProperty("content_filters");
    // A streamed response is stored like any other.
    expect((await get(form, `responses/${completed.id}`)).body).toEqual(completed);
  });

  test("with tools: a function_call item whose arguments stream in pieces, id and name first", async () => {
    const { events } = await callSse(url(form, "responses"), { body: { model: "gpt-4.1", input: "weather in Paris", tools: TOOLS, stream: true }, headers: form.headers });
    const added = events.find((e) => e.event == "response.output_item.added")!.data;
    expect(added.item).toMatchObject({ type: "function_call", name: "lookup", arguments: "", status: "in_progress" });
    expect(added.item.call_id).toMatch(/^call_/);
    const pieces = events.filter((e) => e.event == "response.function_call_arguments.delta").map((e) => e.data);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p).toMatchObject({ item_id: added.item.id, output_index: 0 });
    const done = events.find((e) => e.event == "response.function_call_arguments.done")!.data;
    expect(done).toMatchObject({ item_id: added.item.id, name: "lookup", arguments: pieces.map((p) => p.delta).join("") });
    expect(JSON.parse(done.arguments)).toEqual({ q: "weather in Paris" });
    expect(events.at(-1)!.data.response.output).toEqual([{ ...added.item, status: "completed", arguments: done.arguments }]);
  });

  test("a tool result in the input gets a message back, not another call", async () => {
    const input = [
      { role: "user", content: "weather in Paris" },
      { type: "function_call", call_id: "call_1", name: "lookup", arguments: "{}" },
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
    ];
    const { body } = await create(form, { input, tools: TOOLS });
    expect(body.output.map((item: { type: string }) => item.type)).toEqual(["message"]);
  });

  test("max_output_tokens cuts the text: status incomplete, terminal event response.incomplete", async () => {
    const { body } = await create(form, { input: "one two three four", max_output_tokens: 2 });
    expect(body).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, output: [{ status: "incomplete", content: [{ text: "You said:" }] }] });
    const { events } = await callSse(url(form, "responses"), { body: { model: "gpt-4.1", input: "one two", max_output_tokens: 2, stream: true }, headers: form.headers });
    expect(events.at(-1)!.event).toBe("response.incomplete");
  });

  test("retrieve finds a stored response; delete removes it; then both answer 404", async () => {
    const { body: created } = await create(form, { input: "keep me" });
    expect(await get(form, `responses/${created.id}`)).toMatchObject({ status: 200, body: created });
    const deleted = await callJson(url(form, `responses/${created.id}`), { method: "DELETE", headers: form.headers });
    expect(deleted).toMatchObject({ status: 200, body: { id: created.id, object: "response", deleted: true } });
    const missing = await get(form, `responses/${created.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { message: `Response with id '${created.id}' not found.`, type: "invalid_request_error", param: null, code: null } });
    expect((await callJson(url(form, `responses/${created.id}`), { method: "DELETE", headers: form.headers })).status).toBe(404);
  });

  test("store: false is not kept", async () => {
    const { body } = await create(form, { input: "forget me", store: false });
    expect(body.store).toBe(false);
    expect((await get(form, `responses/${body.id}`)).status).toBe(404);
  });

  test("previous_response_id: a stored id is accepted and echoed; an unknown one is the service's 400", async () => {
    const { body: first } = await create(form, { input: "first" });
    const { status, body } = await create(form, { input: "second", previous_response_id: first.id });
    expect(status).toBe(200);
    expect(body.previous_response_id).toBe(first.id);
    const refused = await create(form, { input: "second", previous_response_id: "resp_nope" });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: { message: "Previous response with id 'resp_nope' not found.", type: "invalid_request_error", param: "previous_response_id", code: "previous_response_not_found" },
    });
  });

  test("background: queued at create, in_progress at the first retrieve, completed at the second", async () => {
    const { body } = await create(form, { input: "slow job", background: true, store: true });
    expect(body).toMatchObject({ status: "queued", background: true, output: [], usage: null });
    expect((await get(form, `responses/${body.id}`)).body).toMatchObject({ id: body.id, status: "in_progress", output: [] });
    const done = (await get(form, `responses/${body.id}`)).body;
    expect(done).toMatchObject({ id: body.id, status: "completed", output: [{ content: [{ text: "You said: slow job" }] }] });
    expect((await get(form, `responses/${body.id}`)).body).toEqual(done);
  });

  test("background + stream: response.queued after response.created; resume with starting_after sends the events after it", async () => {
    const { events } = await callSse(url(form, "responses"), { body: { model: "gpt-4.1", input: "a b c", background: true, stream: true }, headers: form.headers });
    expect(events.slice(0, 3).map((e) => e.event)).toEqual(["response.created", "response.queued", "response.in_progress"]);
    expect(events[0]!.data.response.status).toBe("queued");
    const id = events[0]!.data.response.id;
    const resumed = await callSse(url(form, `responses/${id}?stream=true&starting_after=4`), { headers: form.headers });
    expect(resumed.status).toBe(200);
    expect(resumed.events.map((e) => e.data)).toEqual(events.slice(5).map((e) => e.data));
    expect(resumed.events[0]!.data.sequence_number).toBe(5);
    const whole = await callSse(url(form, `responses/${id}?stream=true`), { headers: form.headers });
    expect(whole.events.map((e) => e.data)).toEqual(events.map((e) => e.data));
  });

  test("background needs store: true", async () => {
    const { status, body } = await create(form, { input: "x", background: true, store: false });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "invalid_request_error", param: "background" });
  });

  test("cancel: a queued background response becomes cancelled, idempotently; a synchronous one is refused", async () => {
    const { body } = await create(form, { input: "cancel me", background: true });
    const cancel = (id: string) => callJson(url(form, `responses/${id}/cancel`), { method: "POST", headers: form.headers });
    expect(await cancel(body.id)).toMatchObject({ status: 200, body: { id: body.id, status: "cancelled" } });
    expect(await cancel(body.id)).toMatchObject({ status: 200, body: { id: body.id, status: "cancelled" } });
    expect((await get(form, `responses/${body.id}`)).body.status).toBe("cancelled");
    const { body: sync } = await create(form, { input: "done already" });
    const refused = await cancel(sync.id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("Cannot cancel a synchronous response.");
    expect((await cancel("resp_nope")).status).toBe(404);
  });

  test("input_items: newest first by default, limit, order=asc, after; ids on every item", async () => {
    const input = ["one", "two", "three"].map((text) => ({ role: "user", content: text }));
    const { body } = await create(form, { input });
    const texts = (list: { data: { content: { text: string }[] }[] }) => list.data.map((item) => item.content[0]!.text);
    const all = (await get(form, `responses/${body.id}/input_items`)).body;
    expect(all).toMatchObject({ object: "list", has_more: false });
    expect(texts(all)).toEqual(["three", "two", "one"]);
    expect(all.data[0]).toMatchObject({ type: "message", role: "user", status: "completed", content: [{ type: "input_text", text: "three" }] });
    expect(all.first_id).toBe(all.data[0].id);
    expect(all.last_id).toBe(all.data[2].id);
    const page = (await get(form, `responses/${body.id}/input_items?limit=2&order=asc`)).body;
    expect(texts(page)).toEqual(["one", "two"]);
    expect(page.has_more).toBe(true);
    const next = (await get(form, `responses/${body.id}/input_items?order=asc&after=${page.last_id}`)).body;
    expect(texts(next)).toEqual(["three"]);
    expect((await get(form, `responses/${body.id}/input_items?limit=101`)).status).toBe(400);
  });
});

describe("Azure routes and versions", () => {
  const dated = (version: string) => callJson(`${server.url}/openai/responses?api-version=${version}`, { body: { model: "gpt-4.1", input: "x" }, headers: { "api-key": "azure-key" } });

  test("the dated form from 2025-03-01-preview on; older versions get the service's 400", async () => {
    expect((await dated("2025-03-01-preview")).status).toBe(200);
    const old = await dated("2024-10-21");
    expect(old.status).toBe(400);
    expect(old.body).toEqual({ error: { code: "BadRequest", message: "Responses API is enabled only for api-version 2025-03-01-preview and later" } });
    const retrieve = await callJson(`${server.url}/openai/responses/resp_x?api-version=2024-10-21`, { headers: { "api-key": "azure-key" } });
    expect(retrieve.body.error.message).toBe("Responses API is enabled only for api-version 2025-03-01-preview and later");
  });

  test("an unknown dated version is refused; none at all is Azure's 404", async () => {
    expect(await dated("2099-01-01")).toMatchObject({ status: 400, body: { error: { code: "BadRequest", message: "API version not supported" } } });
    expect(await callJson(`${server.url}/openai/responses`, { body: { model: "gpt-4.1", input: "x" }, headers: { "api-key": "azure-key" } })).toMatchObject({ status: 404, body: { error: { code: "404", message: "Resource not found" } } });
  });

  test("the Responses API is not under /deployments/{name}/", async () => {
    const { status, body } = await callJson(`${server.url}/openai/deployments/gpt-4.1/responses?api-version=2025-04-01-preview`, { body: { input: "x" }, headers: { "api-key": "azure-key" } });
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "404", message: "Resource not found" } });
  });

  test("the body's model must be a deployment: DeploymentNotFound otherwise", async () => {
    const [, v1] = FORMS;
    const { status, body } = await create(v1!, { model: "gpt-5-missing", input: "x" });
    expect(status).toBe(404);
    expect(body.error.code).toBe("DeploymentNotFound");
  });

  test("a wrong key is Azure's 401, on every Responses route", async () => {
    const dated = FORMS[2]!;
    const calls = [
      { path: "responses", method: "POST", body: { model: "gpt-4.1", input: "x" } },
      { path: "responses/resp_x", method: "GET" },
      { path: "responses/resp_x", method: "DELETE" },
      { path: "responses/resp_x/cancel", method: "POST" },
      { path: "responses/resp_x/input_items", method: "GET" },
    ];
    for (const { path, method, body } of calls) {
      const answer = await callJson(urlOf(server.url, dated, path), { method, body, headers: { "api-key": "wrong" } });
      expect(answer).toMatchObject({ status: 401, body: { error: { code: "401" } } });
    }
  });
});
