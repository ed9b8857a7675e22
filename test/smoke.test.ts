import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator();
});
afterAll(() => server.close());

test("the same chat call works on OpenAI and Azure over real HTTP", async () => {
  for (const client of [server.openai(), server.azure()]) {
    const reply = await client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
    expect(reply.choices[0]?.message.content).toBe("You said: Hi");
  }
});
