// Node: stream a chat answer to stdout.
//
//   OPENAI_API_KEY=sk-... node examples/node.mjs "What is SSE?"
//   AZURE_OPENAI_ENDPOINT=https://NAME.openai.azure.com AZURE_OPENAI_API_KEY=... node examples/node.mjs "What is SSE?" gpt-4o
//
// The config comes from the environment (see `fromEnv`): OPENAI_API_KEY (+ OPENAI_BASE_URL) for OpenAI, or
// AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY (+ OPENAI_API_VERSION) for Azure, where the model names the deployment.
import { createClient, fromEnv } from "openai-switch";

const [question = "Say hello.", model = "gpt-4o-mini"] = process.argv.slice(2);
const client = createClient(fromEnv());

for await (const chunk of client.chatStream({ model, messages: [{ role: "user", content: question }] })) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");
}
process.stdout.write("\n");
