// Bundle-size program: one chat and one embeddings call, the openai SDK, OpenAI.
import OpenAI from "openai";

const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const reply = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
const { data } = await client.embeddings.create({ model: "text-embedding-3-small", input: ["A", "B"] });
console.log(reply.choices[0].message.content, data.length);
