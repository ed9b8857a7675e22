// Bundle-size program: one chat and one embeddings call, the openai SDK's AzureOpenAI.
import { AzureOpenAI } from "openai";

const client = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiKey: process.env.AZURE_OPENAI_API_KEY, apiVersion: "2024-10-21" });
const reply = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
const { data } = await client.embeddings.create({ model: "text-embedding-3-small", input: ["A", "B"] });
console.log(reply.choices[0].message.content, data.length);
