// Conformance: the official `openai` JS SDK (6.49.0), pointed at the emulator over real HTTP, gets what it gets
// from the services — chat, a stream with usage, embeddings as base64 (its default) and floats, the Responses
// API — and maps the emulator's 401, 404 and 429 to its own error classes.
import OpenAI, { AzureOpenAI } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { embeddingOf } from "../src/testing.ts";
import { type EmulatorServer, startEmulator } from "./helpers.ts";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({
    openaiKeys: ["sk-good"],
    azureKeys: ["azure-good"],
    deployments: { "gpt-4o": {}, "text-embedding-3-small": {} },
  });
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

const messages = [{ role: "user" as const, content: "Hello there" }];
const sdks = () => [
  { name: "OpenAI", client: new OpenAI({ apiKey: "sk-good", baseURL: server.url + "/v1", maxRetries: 0 }) },
  // Microsoft's v1 docs use the plain OpenAI client: the key goes as a bearer, the deployment as the model.
  {
    name: "Azure v1 (OpenAI client)",
    client: new OpenAI({ apiKey: "azure-good", baseURL: server.url + "/openai/v1", maxRetries: 0 }),
  },
  {
    name: "Azure dated (AzureOpenAI)",
    client: new AzureOpenAI({
      apiKey: "azure-good",
      endpoint: server.url,
      apiVersion: "2025-04-01-preview",
      maxRetries: 0,
    }),
  },
];

describe.each(["OpenAI", "Azure v1 (OpenAI client)", "Azure dated (AzureOpenAI)"])("%s", (name) => {
  const sdk = () => sdks().find((s) => s.name == name)!;

  test("chat.completions.create: the reply, usage, and the request the SDK sent", async () => {
    const { client } = sdk();
    const reply = await client.chat.completions.create({ model: "gpt-4o", messages });
    expect(reply.choices[0]!.message.content).toBe("You said: Hello there");
    expect(reply.usage!.total_tokens).toBe(reply.usage!.prompt_tokens + reply.usage!.completion_tokens);
    expect(server.emulator.requests).toHaveLength(1);
  });

  test("a stream with include_usage: chunks spell the reply, the last one carries usage", async () => {
    const { client } = sdk();
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe("You said: Hello there");
    expect(usage).toMatchObject({ completion_tokens: 4 });
  });

  test("embeddings: base64 (the SDK's default, decoded by it) and float give the emulator's exact vectors", async () => {
    const { client } = sdk();
    const base64 = await client.embeddings.create({ model: "text-embedding-3-small", input: ["A", "B"] });
    expect(server.emulator.requests[0]!.body.encoding_format).toBe("base64");
    expect(base64.data.map((d) => d.embedding)).toEqual([
      Array.from(embeddingOf("A", 1536)),
      Array.from(embeddingOf("B", 1536)),
    ]);
    const float = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: "A",
      encoding_format: "float",
      dimensions: 8,
    });
    expect(float.data[0]!.embedding).toEqual(Array.from(embeddingOf("A", 8)));
  });

  test("responses.create and a streamed response: output_text as the SDK computes it", async () => {
    const { client } = sdk();
    const response = await client.responses.create({ model: "gpt-4o", input: "Hello there" });
    expect(response.output_text).toBe("You said: Hello there");
    const stream = await client.responses.create({ model: "gpt-4o", input: "Hello there", stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    expect((await client.responses.retrieve(response.id)).output_text).toBe("You said: Hello there");
  });

  test("429 from failNext: RateLimitError with the service's headers", async () => {
    const { client } = sdk();
    server.emulator.failNext({ status: 429 });
    const error = await client.chat.completions.create({ model: "gpt-4o", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).status).toBe(429);
  });
});

test("401: a wrong key is AuthenticationError on both providers", async () => {
  const openai = new OpenAI({ apiKey: "sk-wrong", baseURL: server.url + "/v1", maxRetries: 0 });
  const azure = new AzureOpenAI({ apiKey: "wrong", endpoint: server.url, apiVersion: "2024-10-21", maxRetries: 0 });
  for (const client of [openai, azure]) {
    const error = await client.chat.completions.create({ model: "gpt-4o", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
  }
  const openaiError = await openai.chat.completions.create({ model: "gpt-4o", messages }).catch((e: unknown) => e);
  expect(openaiError).toMatchObject({ status: 401, code: "invalid_api_key" });
});

test("404: an unknown Azure deployment is NotFoundError with code DeploymentNotFound", async () => {
  const azure = new AzureOpenAI({
    apiKey: "azure-good",
    endpoint: server.url,
    apiVersion: "2024-10-21",
    deployment: "gpt-5-missing",
    maxRetries: 0,
  });
  const error = await azure.chat.completions.create({ model: "gpt-5-missing", messages }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("DeploymentNotFound");
  expect(server.emulator.requests.map((r) => r.url)).toEqual([
    `${server.url}/openai/deployments/gpt-5-missing/chat/completions?api-version=2024-10-21`,
  ]);
});

test("429 with the SDK's own retries: it honours retry-after-ms and succeeds", async () => {
  const azure = new AzureOpenAI({
    apiKey: "azure-good",
    endpoint: server.url,
    apiVersion: "2024-10-21",
    maxRetries: 2,
  });
  server.emulator.failNext({ status: 429 }, 2);
  const reply = await azure.chat.completions.create({ model: "gpt-4o", messages });
  expect(reply.choices[0]!.message.content).toBe("You said: Hello there");
  expect(server.emulator.requests).toHaveLength(3);
});
