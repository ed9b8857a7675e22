// npm start: the same calls through an OpenAI config and an Azure config, one screen each — a chat, a short
// stream, and an embedMany on an Azure deployment that takes 16 inputs per call. With no keys in the environment
// both go to the built-in emulator; with OPENAI_API_KEY, or AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY, that
// provider is the real service.
import { createClient } from "../dist/mod.js";
import { createEmulator, serve } from "../dist/testing.js";

const env = process.env;
// The README's default: a GA dated version (OPENAI_API_VERSION overrides it, as in fromEnv).
const API_VERSION = env.OPENAI_API_VERSION ?? "2024-10-21";

if (env.AZURE_OPENAI_ENDPOINT && !env.AZURE_OPENAI_API_KEY) {
  console.error(
    "AZURE_OPENAI_ENDPOINT is set but AZURE_OPENAI_API_KEY is not: set the key, or unset the endpoint to use the emulator.",
  );
  process.exit(1);
}

const needsEmulator = !env.OPENAI_API_KEY || !env.AZURE_OPENAI_ENDPOINT;
// The emulated Azure resource has an old embeddings deployment that takes 16 inputs per call.
const emulator = createEmulator({ deployments: { "gpt-4o": {}, "text-embedding-ada-002": { maxInputs: 16 } } });
const server = needsEmulator ? await serve(emulator.handle) : undefined;

const redact = (
  name,
  value,
) => (/^(authorization|api-key)$/i.test(name) ? value.replace(/^(Bearer )?(.{4}).*$/s, "$1$2…[redacted]") : value);

/** Input counts and statuses of the embeddings requests a client sent, in order. */
const embeddingCalls = [];

/** A fetch that prints each request line (headers for the first one), the embeddings input count, and the status. */
function loggingFetch() {
  let first = true;
  return async (url, init) => {
    const body = typeof init.body == "string" ? JSON.parse(init.body) : {};
    const inputs = Array.isArray(body.input) ? `  (${body.input.length} inputs)` : "";
    console.log(`  → ${init.method} ${url}${body.stream ? "  (stream)" : ""}${inputs}`);
    if (first) {
      for (const [name, value] of new Headers(init.headers)) console.log(`      ${name}: ${redact(name, value)}`);
      first = false;
    }
    const response = await fetch(url, init);
    if (Array.isArray(body.input)) embeddingCalls.push({ inputs: body.input.length, status: response.status });
    const note = response.ok ? "" : `  ${(await response.clone().json()).error?.message?.slice(0, 60) ?? ""}…`;
    console.log(`    ← HTTP ${response.status}${note}`);
    return response;
  };
}

/** "20 → 400, 16, 4": what each embeddings request carried, refusals marked. */
const describeCalls = (calls) =>
  calls.map((c) => (c.status == 200 ? `${c.inputs}` : `${c.inputs} → ${c.status}`)).join(", ");

const setups = [
  env.OPENAI_API_KEY
    ? { label: "OpenAI (real service)", config: { provider: "openai", apiKey: env.OPENAI_API_KEY } }
    : {
      label: "OpenAI (emulator)",
      config: { provider: "openai", apiKey: "sk-demo-key-0000", baseURL: server.url + "/v1" },
    },
  env.AZURE_OPENAI_ENDPOINT
    ? {
      label: "Azure OpenAI (real service)",
      config: {
        provider: "azure",
        endpoint: env.AZURE_OPENAI_ENDPOINT,
        apiVersion: API_VERSION,
        apiKey: env.AZURE_OPENAI_API_KEY,
        // Model names → your deployment names.
        deployments: {
          "gpt-4o": env.AZURE_OPENAI_CHAT_DEPLOYMENT ?? "gpt-4o",
          "text-embedding-ada-002": env.AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT ?? "text-embedding-ada-002",
        },
      },
    }
    : {
      label: "Azure OpenAI (emulator)",
      config: { provider: "azure", endpoint: server.url, apiVersion: API_VERSION, apiKey: "azure-demo-key-1111" },
    },
];

const texts = Array.from({ length: 20 }, (_, i) => `Document number ${i + 1}`);
const messages = [{ role: "user", content: "Say hi in five words." }];
let failed = false;
for (const { label, config } of setups) {
  console.log(`\n=== ${label}`);
  const client = createClient({ ...config, fetch: loggingFetch() });
  try {
    // The call sites are identical: only the config differs.
    const reply = await client.chat({ model: "gpt-4o", messages, max_tokens: 20 });
    console.log(`  chat: ${JSON.stringify(reply.choices[0]?.message.content)} (${reply.usage?.total_tokens} tokens)`);

    const pieces = [];
    for await (const chunk of client.chatStream({ model: "gpt-4o", messages, max_tokens: 5 })) {
      pieces.push(chunk.choices[0]?.delta?.content ?? "");
    }
    console.log(`  stream: ${pieces.filter(Boolean).map((p) => JSON.stringify(p)).join(" + ")}`);

    embeddingCalls.length = 0;
    const { embeddings, requests } = await client.embedMany({
      model: "text-embedding-ada-002",
      input: texts,
      format: "float32",
    });
    const firstRun = embeddingCalls.splice(0);
    const refused = firstRun.some((c) => c.status != 200);
    const learned = refused
      ? `; learned limit: ${Math.max(...firstRun.filter((c) => c.status == 200).map((c) => c.inputs))} inputs per call`
      : "";
    console.log(
      `  embedMany: ${embeddings.length} vectors × ${embeddings[0].length} dims in ${requests} request${
        requests == 1 ? "" : "s"
      } (${describeCalls(firstRun)})${learned}`,
    );
    await client.embedMany({ model: "text-embedding-ada-002", input: texts, format: "float32" });
    console.log(
      `  embedMany again: ${describeCalls(embeddingCalls.splice(0))}${
        refused ? ", nothing refused: the limit is remembered" : ""
      }`,
    );
  } catch (error) {
    failed = true;
    console.error(`  ✗ ${error.name}: ${error.message}`);
  }
}
await server?.close();
process.exitCode = failed ? 1 : 0;
