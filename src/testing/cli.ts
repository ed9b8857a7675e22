#!/usr/bin/env node
// `npx openai-switch-emulator --port 8787 [--config emulator.json]`: the emulator on loopback for apps and tests
// in any language (the official Python SDK, curl, …), with a small control API for faults. Runs on Node, Bun
// and Deno; stops cleanly on SIGINT and SIGTERM.
// Everything from the public entry, and only from it: dist/cli.js then imports the built ./testing.js instead of
// bundling the emulator a second time (scripts/bundles.mjs).
import { createEmulator, serve } from "../testing.ts";
import type { Emulator, EmulatorOptions, Fault, Reply } from "../testing.ts";

// The few process and fs shapes used here, declared locally so the library's types need no @types/node.
interface Process {
  argv: string[];
  exitCode?: number;
  stdout: { write(text: string): void };
  stderr: { write(text: string): void };
  once(signal: "SIGINT" | "SIGTERM", listener: () => void): void;
  exit(code: number): never;
}
const NODE_FS = "node:fs/promises";
type Fs = { readFile(path: string, encoding: "utf8"): Promise<string> };

const USAGE = `Usage: openai-switch-emulator [--port 8787] [--config emulator.json]

Serves an emulator of the OpenAI API (/v1/…) and Azure OpenAI (/openai/…) on 127.0.0.1.
The config file holds createEmulator's options as JSON (deployments, openaiKeys, azureKeys, azureTokens,
apiVersions, openai limits, latencyMs, replyTokens) and "reply": a fixed reply (text, or {toolCalls}/{refusal}).

Control API (for tests in any language):
  POST /__emulator/fail-next   {"fault": {"status": 429}, "times": 2}
  POST /__emulator/reset
  GET  /__emulator/requests`;

/** The options a JSON config may set (everything but functions); `reply` is a fixed reply. */
const CONFIG_KEYS = [
  "openaiKeys",
  "azureKeys",
  "azureTokens",
  "deployments",
  "openai",
  "apiVersions",
  "latencyMs",
  "replyTokens",
  "record",
  "corsAllowHeaders",
  "reply",
];

class UsageError extends Error {}

interface Arguments {
  port: number;
  config?: string;
  help: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const parsed: Arguments = { port: 8787, help: false };
  const rest = [...argv];
  while (rest.length) {
    const flag = rest.shift();
    if (flag == "--help" || flag == "-h") {
      parsed.help = true;
    } else if (flag == "--port") {
      const value = rest.shift();
      const port = Number(value);
      if (!value || !Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError(`--port needs a port number (0 picks a free one), got ${value ?? "nothing"}`);
      }
      parsed.port = port;
    } else if (flag == "--config") {
      const file = rest.shift();
      if (!file) throw new UsageError("--config needs a file name");
      parsed.config = file;
    } else {
      throw new UsageError(`unknown argument ${flag}`);
    }
  }
  return parsed;
}

async function readConfig(file: string | undefined): Promise<EmulatorOptions> {
  if (!file) return {};
  const { readFile } = (await import(NODE_FS)) as Fs;
  const text = await readFile(file, "utf8").catch((e: Error) => {
    throw new UsageError(`cannot read ${file}: ${e.message}`);
  });
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${(e as Error).message}`);
  }
  if (!config || typeof config != "object" || Array.isArray(config)) {
    throw new UsageError(`${file} must hold a JSON object`);
  }
  const unknown = Object.keys(config).filter((key) => !CONFIG_KEYS.includes(key));
  if (unknown.length) {
    throw new UsageError(`${file}: unknown option ${unknown.join(", ")} (known: ${CONFIG_KEYS.join(", ")})`);
  }
  const { reply, ...options } = config as EmulatorOptions & { reply?: Reply };
  return reply === undefined ? options : { ...options, reply: () => reply };
}

/** The control API: faults, reset and the request log over HTTP, for tests that are not in JavaScript. */
async function control(emulator: Emulator, request: Request, path: string): Promise<Response> {
  if (request.method == "POST" && path == "/__emulator/fail-next") {
    const { fault, times } = (await request.json()) as { fault: Fault; times?: number };
    try {
      emulator.failNext(fault, times);
    } catch (e) {
      return Response.json({ error: { message: (e as Error).message } }, { status: 400 });
    }
    return Response.json({ queued: times ?? 1 });
  }
  if (request.method == "POST" && path == "/__emulator/reset") {
    emulator.reset();
    return Response.json({ reset: true });
  }
  if (request.method == "GET" && path == "/__emulator/requests") return Response.json(emulator.requests);
  return Response.json({ error: { message: `no control route ${request.method} ${path}` } }, { status: 404 });
}

async function main(proc: Process) {
  const args = parseArguments(proc.argv.slice(2));
  if (args.help) return void proc.stdout.write(USAGE + "\n");
  const emulator = createEmulator(await readConfig(args.config));
  const handler = (request: Request) => {
    const path = new URL(request.url).pathname;
    return path.startsWith("/__emulator/") ? control(emulator, request, path) : emulator.handle(request);
  };
  const server = await serve(handler, { port: args.port }).catch((e: Error) => {
    throw new UsageError(`cannot listen on 127.0.0.1:${args.port}: ${e.message}`);
  });
  proc.stdout.write(
    [
      `openai-switch emulator listening on ${server.url}`,
      `  OpenAI: baseURL ${server.url}/v1 (any key starting with sk-)`,
      `  Azure:  endpoint ${server.url} (any api-key; dated api-versions or v1)`,
      `  Faults: POST ${server.url}/__emulator/fail-next {"fault": {"status": 429}, "times": 1}`,
      "Stop with Ctrl+C.",
      "",
    ].join("\n"),
  );
  const stop = async () => {
    await server.close();
    proc.stdout.write("openai-switch emulator stopped\n");
    proc.exit(0);
  };
  proc.once("SIGINT", stop);
  proc.once("SIGTERM", stop);
}

const proc = (globalThis as unknown as { process: Process }).process;
main(proc).catch((e: unknown) => {
  const message = e instanceof UsageError ? e.message : String((e as Error)?.stack ?? e);
  proc.stderr.write(
    `openai-switch-emulator: ${message}\n${e instanceof UsageError ? "Run with --help for usage.\n" : ""}`,
  );
  proc.exit(e instanceof UsageError ? 2 : 1);
});
