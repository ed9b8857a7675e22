// Runs the workerd suite: bundles the test worker and examples/worker.ts from dist/ (esbuild), serves the
// emulator over HTTP on 127.0.0.1 from this Node process, then `workerd test config.capnp` with its URL in
// EMULATOR_URL. workerd prints one [ PASS ] / [ FAIL ] line per case; this exits with workerd's status.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { createEmulator, serve } from "../../../dist/testing.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../..");
mkdirSync(join(here, "build"), { recursive: true });
await build({
  entryPoints: { "client-tests": join(here, "client-tests.ts"), "example-worker": join(root, "examples/worker.ts") },
  outdir: join(here, "build"),
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  // examples/worker.ts imports the package by name, as users do; here that is the built dist/.
  alias: { "openai-switch": join(root, "dist/mod.js") },
  logLevel: "warning",
});

const emulator = createEmulator({ deployments: { "ada-16": { maxInputs: 16 }, "gpt-4o": {}, "gpt-4.1": {} } });
const server = await serve(emulator.handle);
const workerd = join(root, "node_modules/.bin/workerd");
const child = spawn(workerd, ["test", join(here, "config.capnp")], {
  env: { ...process.env, EMULATOR_URL: server.url },
  stdio: "inherit",
});
const code = await new Promise((resolve) => {
  child.on("error", (e) => {
    console.error(`[ FAIL ] could not start workerd: ${e.message}`);
    resolve(1);
  });
  child.on("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});
await server.close();
console.log(`workerd: the emulator answered ${emulator.requests.length} requests`);
process.exit(code);
