// `openai-switch-emulator`: spawned as a process in the runtime running the suite (Node runs the command bundled
// the way scripts/build.mjs bundles it, next to its testing.js; Bun and Deno run src/testing/cli.ts), driven over
// real HTTP like an app in another language would drive it, then stopped with SIGTERM or SIGINT.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { createClient } from "../src/mod.ts";
import { tooManyInputsMessage } from "../src/testing.ts";
import { callJson } from "./helpers/emulator-http.ts";

const root = join(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "emulator-cli-"));

/** The command line that runs the CLI in this runtime. */
async function command(): Promise<string[]> {
  if ("Deno" in globalThis) return [process.execPath, "run", "-A", join(root, "src/testing/cli.ts")];
  if ("Bun" in globalThis) return [process.execPath, join(root, "src/testing/cli.ts")];
  const { build } = await import("esbuild");
  // @ts-expect-error: a plain .mjs script without types
  const { CLI, LIBRARY } = await import("../scripts/bundles.mjs");
  // cli.js imports ./testing.js, as in the package: both bundles side by side, as ES modules.
  const outdir = join(scratch, "dist");
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ type: "module" }));
  await build({ ...LIBRARY, entryPoints: { testing: "src/testing.ts" }, absWorkingDir: root, outdir });
  await build({ ...CLI, absWorkingDir: root, outdir });
  return [process.execPath, join(outdir, "cli.js")];
}

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/**
 * How a child that handled `signal` and exited with 0 is reported: Deno's node:child_process reports the signal
 * it sent instead (the "stopped" line the handler prints is the proof there).
 */
const cleanExit = (signal: string) => ("Deno" in globalThis ? { code: null, signal } : { code: 0, signal: null });

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Starts the CLI with `args` and waits for the URL it prints. */
async function start(args: string[]): Promise<Running> {
  const [file, ...base] = await command();
  const child = spawn(file!, [...base, ...args], {
    cwd: scratch,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal }))
  );
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) resolve(found[1]!);
    };
    child.stdout!.on("data", look);
    exited.then(() => reject(new Error(`the CLI exited before printing its URL:\n${out}`)));
  });
  return { child, url, output: () => out, exited };
}

test(
  "serves both providers with the config's deployments, keys and fixed reply; SIGTERM stops it cleanly",
  async () => {
    const config = join(scratch, "emulator.json");
    writeFileSync(
      config,
      JSON.stringify({
        azureKeys: ["cli-key"],
        deployments: { "gpt-4o": {}, ada: { maxInputs: 16 } },
        reply: "Hello from the CLI",
      }),
    );
    const cli = await start(["--port", "0", "--config", config]);
    expect(cli.output()).toContain(`OpenAI: baseURL ${cli.url}/v1`);

    const messages = [{ role: "user" as const, content: "Hi" }];
    const openai = createClient({ provider: "openai", apiKey: "sk-cli", baseURL: cli.url + "/v1" });
    expect((await openai.chat({ model: "gpt-4o", messages })).choices[0]?.message.content).toBe("Hello from the CLI");
    const azure = createClient({ provider: "azure", endpoint: cli.url, apiVersion: "2024-10-21", apiKey: "cli-key" });
    expect((await azure.chat({ model: "gpt-4o", messages })).choices[0]?.message.content).toBe("Hello from the CLI");
    const v1 = await callJson(`${cli.url}/openai/v1/responses`, {
      body: { model: "gpt-4o", input: "Hi" },
      headers: { authorization: "Bearer cli-key" },
    });
    expect(v1.body.output[0].content[0].text).toBe("Hello from the CLI");

    const wrongKey = await callJson(`${cli.url}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21`, {
      body: { messages },
      headers: { "api-key": "nope" },
    });
    expect(wrongKey.status).toBe(401);
    const tooMany = await callJson(`${cli.url}/openai/deployments/ada/embeddings?api-version=2024-10-21`, {
      body: { input: Array(17).fill("x") },
      headers: { "api-key": "cli-key" },
    });
    expect(tooMany).toMatchObject({ status: 400, body: { error: { message: tooManyInputsMessage(16) } } });

    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual(cleanExit("SIGTERM"));
    expect(cli.output()).toContain("openai-switch emulator stopped");
    await expect(fetch(cli.url + "/v1/chat/completions", { method: "POST" })).rejects.toThrow();
  },
  60_000,
);

test(
  "the control API queues faults, lists requests and resets, for tests in any language; SIGINT stops it",
  async () => {
    const cli = await start(["--port", "0"]);
    const chat = () =>
      callJson(`${cli.url}/v1/chat/completions`, {
        body: { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] },
        headers: { authorization: "Bearer sk-x" },
      });
    expect(await callJson(`${cli.url}/__emulator/fail-next`, { body: { fault: { status: 503 }, times: 2 } }))
      .toMatchObject({ status: 200, body: { queued: 2 } });
    expect([(await chat()).status, (await chat()).status, (await chat()).status]).toEqual([503, 503, 200]);
    const { body: requests } = await callJson(`${cli.url}/__emulator/requests`);
    expect(requests.map((r: { url: string; body: { model: string } }) => [r.url, r.body.model])).toEqual(
      Array(3).fill([`${cli.url}/v1/chat/completions`, "gpt-4o"]),
    );
    expect((await callJson(`${cli.url}/__emulator/fail-next`, { body: { fault: {} } })).status).toBe(400);
    await callJson(`${cli.url}/__emulator/reset`, { body: {} });
    expect((await callJson(`${cli.url}/__emulator/requests`)).body).toEqual([]);

    cli.child.kill("SIGINT");
    expect(await cli.exited).toEqual(cleanExit("SIGINT"));
    expect(cli.output()).toContain("openai-switch emulator stopped");
  },
  60_000,
);

test("a bad argument or config: one line saying what is wrong, exit code 2", async () => {
  const [file, ...base] = await command();
  const run = (args: string[]) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(file!, [...base, ...args], { cwd: scratch, stdio: ["ignore", "pipe", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.on("exit", (code) => resolve({ code, err }));
    });
  const badPort = await run(["--port", "eighty"]);
  expect(badPort.code).toBe(2);
  expect(badPort.err.split("\n")[0]).toBe(
    "openai-switch-emulator: --port needs a port number (0 picks a free one), got eighty",
  );
  writeFileSync(join(scratch, "bad.json"), JSON.stringify({ deployment: {} }));
  const badConfig = await run(["--config", "bad.json"]);
  expect(badConfig.code).toBe(2);
  expect(badConfig.err).toMatch(/^openai-switch-emulator: bad\.json: unknown option deployment \(known: /);
}, 60_000);
