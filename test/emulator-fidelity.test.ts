// Where the emulator once differed from the services (found with the official SDKs and specs): Azure v1 keys sent
// as a bearer, unknown api-versions, requests the services reject, OpenAI's "Invalid URL", the optional fields
// replies carry today, and a typed RecordedRequest.body.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AZURE_API_VERSIONS, createEmulator, type RecordedRequest } from "../src/testing.ts";
import { callJson } from "./helpers/emulator-http.ts";
import { type EmulatorServer, startEmulator } from "./helpers.ts";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator();
});
afterAll(() => server.close());

const messages = [{ role: "user", content: "Hi" }];

describe("Azure v1: an API key as Authorization: Bearer", () => {
  const v1Chat = async (s: EmulatorServer, bearer: string) =>
    (await callJson(`${s.url}/openai/v1/chat/completions`, {
      body: { model: "gpt-4o", messages },
      headers: { authorization: `Bearer ${bearer}` },
    })).status;

  test("checked against azureKeys as well as azureTokens", async () => {
    const s = await startEmulator({ azureKeys: ["the-key"], azureTokens: ["the-token"] });
    try {
      expect(await v1Chat(s, "the-key")).toBe(200);
      expect(await v1Chat(s, "the-token")).toBe(200);
      expect(await v1Chat(s, "wrong")).toBe(401);
      // On dated routes a bearer is an Entra ID token, never a key.
      const dated = await callJson(`${s.url}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21`, {
        body: { messages },
        headers: { authorization: "Bearer the-key" },
      });
      expect(dated.status).toBe(401);
    } finally {
      await s.close();
    }
  });

  test("with azureKeys listed and no azureTokens, a wrong bearer is refused (it no longer passes as a token)", async () => {
    const s = await startEmulator({ azureKeys: ["the-key"] });
    try {
      expect(await v1Chat(s, "the-key")).toBe(200);
      expect(await v1Chat(s, "wrong")).toBe(401);
    } finally {
      await s.close();
    }
  });
});

describe("api-versions", () => {
  const chat = (version: string) =>
    callJson(`${server.url}/openai/deployments/gpt-4o/chat/completions?api-version=${version}`, {
      body: { messages },
      headers: { "api-key": "k" },
    });

  test("an unknown dated version is refused like the service: 400 BadRequest 'API version not supported'", async () => {
    expect(await chat("2099-01-01")).toMatchObject({
      status: 400,
      body: { error: { code: "BadRequest", message: "API version not supported" } },
    });
    expect(await chat("2024-10-21-preview")).toMatchObject({ status: 400 });
  });

  test("every version of the known list is served; the list holds the GA versions and the latest previews", async () => {
    expect(AZURE_API_VERSIONS).toEqual(
      expect.arrayContaining(["2023-05-15", "2024-06-01", "2024-10-21", "2024-02-15-preview", "2025-04-01-preview"]),
    );
    for (const version of AZURE_API_VERSIONS) expect((await chat(version)).status).toBe(200);
  });
});

describe("requests the services reject", () => {
  test("chat without messages: OpenAI's missing_required_parameter, on both providers", async () => {
    const expected = {
      error: {
        message: "Missing required parameter: 'messages'.",
        type: "invalid_request_error",
        param: "messages",
        code: "missing_required_parameter",
      },
    };
    expect(
      await callJson(`${server.url}/v1/chat/completions`, {
        body: { model: "gpt-4o" },
        headers: { authorization: "Bearer sk-test" },
      }),
    ).toMatchObject({ status: 400, body: expected });
    expect(
      await callJson(`${server.url}/openai/v1/chat/completions`, {
        body: { model: "gpt-4o" },
        headers: { "api-key": "k" },
      }),
    ).toMatchObject({ status: 400, body: expected });
  });

  test("an unknown encoding_format", async () => {
    const { status, body } = await callJson(`${server.url}/v1/embeddings`, {
      body: { model: "text-embedding-3-small", input: "A", encoding_format: "int8" },
      headers: { authorization: "Bearer sk-test" },
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        message: "Invalid value: 'int8'. Supported values are: 'float' and 'base64'.",
        type: "invalid_request_error",
        param: "encoding_format",
        code: "invalid_value",
      },
    });
  });

  test("an unknown OpenAI path (or method) answers OpenAI's 'Invalid URL', not Azure's 'Resource not found'", async () => {
    const bearer = { authorization: "Bearer sk-test" };
    expect(await callJson(`${server.url}/v1/models/x`, { body: {}, headers: bearer })).toMatchObject({
      status: 404,
      body: {
        error: { message: "Invalid URL (POST /v1/models/x)", type: "invalid_request_error", param: null, code: null },
      },
    });
    expect((await callJson(`${server.url}/v1/chat/completions`, { headers: bearer })).body.error.message).toBe(
      "Invalid URL (GET /v1/chat/completions)",
    );
    expect((await callJson(`${server.url}/openai/v1/nothing`, { body: {}, headers: { "api-key": "k" } })).body).toEqual(
      { error: { code: "404", message: "Resource not found" } },
    );
  });
});

describe("optional fields the services send today", () => {
  test("OpenAI chat: service_tier, usage token details, message.annotations", async () => {
    const { body } = await callJson(`${server.url}/v1/chat/completions`, {
      body: { model: "gpt-4o", messages },
      headers: { authorization: "Bearer sk-test" },
    });
    expect(body.service_tier).toBe("default");
    expect(body.choices[0].message.annotations).toEqual([]);
    expect(body.usage.prompt_tokens_details).toEqual({ cached_tokens: 0, audio_tokens: 0 });
    expect(body.usage.completion_tokens_details).toEqual({
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    });
  });

  test("Azure chat: the token details too, but no service_tier", async () => {
    const { body } = await callJson(`${server.url}/openai/v1/chat/completions`, {
      body: { model: "gpt-4o", messages },
      headers: { "api-key": "k" },
    });
    expect(body).not.toHaveProperty("service_tier");
    expect(body.usage.prompt_tokens_details).toEqual({ cached_tokens: 0, audio_tokens: 0 });
  });
});

test("RecordedRequest.body is typed: tests read messages, input and stream without casts", async () => {
  const emulator = createEmulator();
  const post = (path: string, body: unknown) =>
    emulator.fetch(`http://emulator.test${path}`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test" },
      body: JSON.stringify(body),
    });
  await post("/v1/embeddings", { model: "text-embedding-3-small", input: ["a", "b"] });
  await post("/v1/chat/completions", { model: "gpt-4o", messages, stream: false });
  const [embedding, chat]: RecordedRequest[] = emulator.requests;
  const inputs: number | undefined = embedding?.body.input?.length;
  const role: string | undefined = chat?.body.messages?.[0]?.role;
  const streamed: boolean | undefined = chat?.body.stream;
  expect([inputs, role, streamed, chat?.body.model]).toEqual([2, "user", false, "gpt-4o"]);
});
