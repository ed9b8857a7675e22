// npm start: the same chat and embeddings calls through an OpenAI config and an Azure config.
// With no keys in the environment both go to the built-in emulator; with OPENAI_API_KEY or
// AZURE_OPENAI_ENDPOINT (+ AZURE_OPENAI_API_KEY) set, that provider is the real service.
import { createClient } from "../dist/mod.js";
import { createEmulator, serve } from "../dist/testing.js";

const env = process.env;
const needsEmulator = !env.OPENAI_API_KEY || !env.AZURE_OPENAI_ENDPOINT;
// The emulated Azure resource has an old embeddings deployment that takes 16 inputs per call,
// so the demo also shows embedMany's fallback.
const server = needsEmulator ? await serve(createEmulator({ deployments: { "gpt-4o": {}, "text-embedding-ada-002": { maxInputs: 16 } } }).handle) : undefined;

const redact = (name, value) => (/^(authorization|api-key)$/i.test(name) ? value.replace(/(Bearer )?(.{4}).*/s, "$1$2…[redacted]") : value);
const loggingFetch = async (url, init) => {
  console.log(`  → ${init.method} ${url}`);
  for (const [name, value] of Object.entries(init.headers)) console.log(`      ${name}: ${redact(name, value)}`);
  const response = await fetch(url, init);
  const note = response.ok ? "" : " " + (await response.clone().text()).slice(0, 70) + "…";
  console.log(`    ← HTTP ${response.status}${note}`);
  return response;
};

const setups = [
  env.OPENAI_API_KEY
    ? { label: "OpenAI (real service)", config: { provider: "openai", apiKey: env.OPENAI_API_KEY } }
    : { label: "OpenAI (emulator)", config: { provider: "openai", apiKey: "sk-demo-key-0000", baseURL: server.url + "/v1" } },
  env.AZURE_OPENAI_ENDPOINT
    ? {
        label: "Azure OpenAI (real service)",
        config: {
          provider: "azure",
          endpoint: env.AZURE_OPENAI_ENDPOINT,
          apiVersion: env.OPENAI_API_VERSION ?? "2024-10-21",
          apiKey: env.AZURE_OPENAI_API_KEY,
          // Model names → your deployment names.
          deployments: {
            "gpt-4o": env.AZURE_OPENAI_CHAT_DEPLOYMENT ?? "gpt-4o",
            "text-embedding-ada-002": env.AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT ?? "text-embedding-ada-002",
          },
        },
      }
    : { label: "Azure OpenAI (emulator)", config: { provider: "azure", endpoint: server.url, apiVersion: "2023-05-15", apiKey: "azure-demo-key-1111" } },
];

const texts = Array.from({ length: 20 }, (_, i) => `Document number ${i + 1}`);
let failed = false;
for (const { label, config } of setups) {
  console.log(`\n=== ${label}`);
  const client = createClient({ ...config, fetch: loggingFetch });
  try {
    // The call sites are identical: only the config differs.
    const reply = await client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "Say hi in five words." }], max_tokens: 20 });
    console.log(`  ← chat: ${JSON.stringify(reply.choices[0]?.message.content)} (${reply.usage?.total_tokens} tokens)`);
    const { embeddings, requests, usage } = await client.embedMany({ model: "text-embedding-ada-002", input: texts, format: "float32" });
    console.log(`  ← embedMany: ${embeddings.length} vectors × ${embeddings[0].length} dims in ${requests} requests (${usage.total_tokens} tokens); first: [${Array.from(embeddings[0].slice(0, 3), (x) => x.toFixed(4)).join(", ")}, …]`);
  } catch (error) {
    failed = true;
    console.error(`  ✗ ${error.name}: ${error.message}`);
  }
}
await server?.close();
process.exitCode = failed ? 1 : 0;
