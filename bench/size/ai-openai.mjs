// Bundle-size program: one chat and one embeddings call, the Vercel AI SDK with @ai-sdk/openai.
import { createOpenAI } from "@ai-sdk/openai";
import { embedMany, generateText } from "ai";

const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
const { text } = await generateText({ model: openai.chat("gpt-4o"), messages: [{ role: "user", content: "Hi" }] });
const { embeddings } = await embedMany({ model: openai.embedding("text-embedding-3-small"), values: ["A", "B"] });
console.log(text, embeddings.length);
