// examples/node.mjs as a user runs it: configured by environment variables only, importing "openai-switch"
// (this package's dist/), streaming a chat from the emulator to stdout. Both providers.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { type EmulatorServer, startEmulator } from "../helpers.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator({ azureKeys: ["azure-example-key"], deployments: { "gpt-4o": {} } });
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

/** Runs the example with only these variables set (none inherited from this shell). */
const example = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, [join(root, "examples/node.mjs"), ...args], { cwd: root, env: { PATH: process.env.PATH!, ...env }, timeout: 20_000 });

test("OpenAI: OPENAI_API_KEY + OPENAI_BASE_URL stream the answer to stdout", async () => {
  const { stdout } = await example({ OPENAI_API_KEY: "sk-example", OPENAI_BASE_URL: server.url + "/v1" }, "What is SSE?");
  expect(stdout).toBe("You said: What is SSE?\n");
  const [request] = server.emulator.requests;
  expect(server.emulator.requests).toHaveLength(1);
  expect(request).toMatchObject({ url: server.url + "/v1/chat/completions", headers: { authorization: "Bearer sk-example", accept: "text/event-stream" } });
  expect(request!.body).toEqual({ model: "gpt-4o-mini", messages: [{ role: "user", content: "What is SSE?" }], stream: true });
});

test("Azure: AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY call the deployment named by the model argument", async () => {
  const { stdout } = await example({ AZURE_OPENAI_ENDPOINT: server.url, AZURE_OPENAI_API_KEY: "azure-example-key" }, "Hi Azure", "gpt-4o");
  expect(stdout).toBe("You said: Hi Azure\n");
  const [request] = server.emulator.requests;
  expect(server.emulator.requests).toHaveLength(1);
  expect(request!.url).toBe(server.url + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
  expect(request!.headers["api-key"]).toBe("azure-example-key");
  expect(request!.headers.authorization).toBeUndefined();
});

test("a refused call makes the example exit non-zero with the service's message, and print no answer", async () => {
  const failure = await example({ OPENAI_API_KEY: "not-a-key", OPENAI_BASE_URL: server.url + "/v1" }, "Hi").then(
    () => undefined,
    (e) => e,
  );
  expect(failure?.code).toBe(1);
  expect(failure.stdout).toBe("");
  expect(failure.stderr).toMatch(/ApiError: Incorrect API key provided/);
});
