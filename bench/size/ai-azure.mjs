// Bundle-size program: one chat and one embeddings call, the Vercel AI SDK with @ai-sdk/azure.
import { createAzure } from "@ai-sdk/azure";
import { embedMany, generateText } from "ai";

const azure = createAzure({ baseURL: process.env.AZURE_OPENAI_ENDPOINT + "/openai", apiKey: process.env.AZURE_OPENAI_API_KEY, apiVersion: "2024-10-21", useDeploymentBasedUrls: true });
const { text } = await generateText({ model: azure.chat("gpt-4o"), messages: [{ role: "user", content: "Hi" }] });
const { embeddings } = await embedMany({ model: azure.embedding("text-embedding-3-small"), values: ["A", "B"] });
console.log(text, embeddings.length);
