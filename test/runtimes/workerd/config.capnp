# workerd config for the runtime tests: `run.mjs` bundles the workers into build/ and serves the emulator, then
# runs `workerd test config.capnp` with EMULATOR_URL set to the emulator's http://127.0.0.1:PORT.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "client-tests", worker = .clientTests),
    (name = "example-worker", worker = .exampleWorker),
    # Workers may not reach loopback addresses by default; the emulator runs on 127.0.0.1.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
);

const clientTests :Workerd.Worker = (
  modules = [(name = "client-tests.js", esModule = embed "build/client-tests.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "internet",
  bindings = [
    (name = "EMULATOR_URL", fromEnvironment = "EMULATOR_URL"),
    (name = "EXAMPLE", service = "example-worker"),
  ],
);

# examples/worker.ts as a user deploys it, configured with the bindings it documents (here: Azure).
const exampleWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "build/example-worker.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "internet",
  bindings = [
    (name = "AZURE_OPENAI_ENDPOINT", fromEnvironment = "EMULATOR_URL"),
    (name = "AZURE_OPENAI_API_KEY", text = "azure-key"),
    (name = "OPENAI_API_VERSION", text = "2024-10-21"),
    (name = "MODEL", text = "gpt-4o"),
  ],
);
