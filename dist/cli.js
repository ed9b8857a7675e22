#!/usr/bin/env node

// src/testing/cli.ts
import { createEmulator, serve } from "./testing.js";
var NODE_FS = "node:fs/promises";
var USAGE = `Usage: openai-switch-emulator [--port 8787] [--config emulator.json]

Serves an emulator of the OpenAI API (/v1/\u2026) and Azure OpenAI (/openai/\u2026) on 127.0.0.1.
The config file holds createEmulator's options as JSON (deployments, openaiKeys, azureKeys, azureTokens,
apiVersions, openai limits, latencyMs, replyTokens) and "reply": a fixed reply (text, or {toolCalls}/{refusal}).

Control API (for tests in any language):
  POST /__emulator/fail-next   {"fault": {"status": 429}, "times": 2}
  POST /__emulator/reset
  GET  /__emulator/requests`;
var CONFIG_KEYS = [
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
  "reply"
];
var UsageError = class extends Error {
};
function parseArguments(argv) {
  const parsed = { port: 8787, help: false };
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
async function readConfig(file) {
  if (!file) return {};
  const { readFile } = await import(NODE_FS);
  const text = await readFile(file, "utf8").catch((e) => {
    throw new UsageError(`cannot read ${file}: ${e.message}`);
  });
  let config;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${e.message}`);
  }
  if (!config || typeof config != "object" || Array.isArray(config)) {
    throw new UsageError(`${file} must hold a JSON object`);
  }
  const unknown = Object.keys(config).filter((key) => !CONFIG_KEYS.includes(key));
  if (unknown.length) {
    throw new UsageError(`${file}: unknown option ${unknown.join(", ")} (known: ${CONFIG_KEYS.join(", ")})`);
  }
  const { reply, ...options } = config;
  return reply === void 0 ? options : { ...options, reply: () => reply };
}
async function control(emulator, request, path) {
  if (request.method == "POST" && path == "/__emulator/fail-next") {
    const { fault, times } = await request.json();
    try {
      emulator.failNext(fault, times);
    } catch (e) {
      return Response.json({ error: { message: e.message } }, { status: 400 });
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
async function main(proc2) {
  const args = parseArguments(proc2.argv.slice(2));
  if (args.help) return void proc2.stdout.write(USAGE + "\n");
  const emulator = createEmulator(await readConfig(args.config));
  const handler = (request) => {
    const path = new URL(request.url).pathname;
    return path.startsWith("/__emulator/") ? control(emulator, request, path) : emulator.handle(request);
  };
  const server = await serve(handler, { port: args.port }).catch((e) => {
    throw new UsageError(`cannot listen on 127.0.0.1:${args.port}: ${e.message}`);
  });
  proc2.stdout.write(
    [
      `openai-switch emulator listening on ${server.url}`,
      `  OpenAI: baseURL ${server.url}/v1 (any key starting with sk-)`,
      `  Azure:  endpoint ${server.url} (any api-key; dated api-versions or v1)`,
      `  Faults: POST ${server.url}/__emulator/fail-next {"fault": {"status": 429}, "times": 1}`,
      "Stop with Ctrl+C.",
      ""
    ].join("\n")
  );
  const stop = async () => {
    await server.close();
    proc2.stdout.write("openai-switch emulator stopped\n");
    proc2.exit(0);
  };
  proc2.once("SIGINT", stop);
  proc2.once("SIGTERM", stop);
}
var proc = globalThis.process;
main(proc).catch((e) => {
  const message = e instanceof UsageError ? e.message : String(e?.stack ?? e);
  proc.stderr.write(
    `openai-switch-emulator: ${message}
${e instanceof UsageError ? "Run with --help for usage.\n" : ""}`
  );
  proc.exit(e instanceof UsageError ? 2 : 1);
});
