// Bundle-size program: one chat and one embeddings call, openai-switch, Azure OpenAI.
import { createClient } from "../../dist/mod.js";

const client = createClient({ provider: "azure", endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: "2024-10-21", apiKey: process.env.AZURE_OPENAI_API_KEY });
const reply = await client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
const { data } = await client.embed({ model: "text-embedding-3-small", input: ["A", "B"] });
console.log(reply.choices[0].message.content, data.length);
