// Bundle-size program: one chat and one embeddings call, raw fetch, Azure OpenAI.
const endpoint = process.env.AZURE_OPENAI_ENDPOINT;
const headers = { "content-type": "application/json", "api-key": process.env.AZURE_OPENAI_API_KEY };
const post = async (deployment, op, body) => {
  const res = await fetch(`${endpoint}/openai/deployments/${deployment}/${op}?api-version=2024-10-21`, { method: "POST", headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return res.json();
};
const reply = await post("gpt-4o", "chat/completions", { messages: [{ role: "user", content: "Hi" }] });
const { data } = await post("text-embedding-3-small", "embeddings", { input: ["A", "B"], encoding_format: "base64" });
const vectors = data.map((d) => {
  const b = Buffer.from(d.embedding, "base64");
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
});
console.log(reply.choices[0].message.content, vectors.length);
