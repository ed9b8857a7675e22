// `npm start` (demo/demo.mjs, on the built dist/): one screen per provider with the request lines, redacted
// headers, a chat, a short stream, and embedMany's 20 → refused, then 16 + 4 on Azure; and a one-line message
// when the Azure endpoint is set without its key. Runs under Node.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const demo = (env: Record<string, string>) =>
  run(process.execPath, ["demo/demo.mjs"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

test(
  "with no keys set: both providers on the emulator, keys redacted, Azure's 16-input deployment learned",
  async () => {
    const { code, stdout, stderr } = await demo({});
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [, openai, azure] = stdout.split("\n=== ");
    expect(openai).toMatch(/^OpenAI \(emulator\)\n  → POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\n/);
    expect(openai).toContain("authorization: Bearer sk-d…[redacted]");
    expect(azure).toMatch(
      /→ POST http:\/\/127\.0\.0\.1:\d+\/openai\/deployments\/gpt-4o\/chat\/completions\?api-version=2024-10-21\n/,
    );
    expect(azure).toContain("api-key: azur…[redacted]");
    expect(stdout).not.toMatch(/sk-demo-key-0000|azure-demo-key-1111/);
    for (const screen of [openai, azure]) {
      expect(screen).toContain('chat: "You said: Say hi in five words."');
      expect(screen).toContain('stream: "You" + " said:" + " Say" + " hi" + " in"');
    }
    expect(openai).toContain("embedMany: 20 vectors × 1536 dims in 1 request (20)");
    expect(azure).toContain(
      "embedMany: 20 vectors × 1536 dims in 3 requests (20 → 400, 16, 4); learned limit: 16 inputs per call",
    );
    expect(azure).toContain("embedMany again: 16, 4, nothing refused");
  },
  60_000,
);

test("AZURE_OPENAI_ENDPOINT without AZURE_OPENAI_API_KEY: one line, exit code 1, no stack trace", async () => {
  const { code, stdout, stderr } = await demo({ AZURE_OPENAI_ENDPOINT: "https://example.openai.azure.com" });
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toBe(
    "AZURE_OPENAI_ENDPOINT is set but AZURE_OPENAI_API_KEY is not: set the key, or unset the endpoint to use the emulator.\n",
  );
});
