// Bundle-size program: one chat and one embeddings call, raw fetch, OpenAI.
const headers = { "content-type": "application/json", authorization: "Bearer " + process.env.OPENAI_API_KEY };
const post = async (op, body) => {
  const res = await fetch("https://api.openai.com/v1/" + op, { method: "POST", headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return res.json();
};
const reply = await post("chat/completions", { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
const { data } = await post("embeddings", { model: "text-embedding-3-small", input: ["A", "B"], encoding_format: "base64" });
const vectors = data.map((d) => {
  const b = Buffer.from(d.embedding, "base64");
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
});
console.log(reply.choices[0].message.content, vectors.length);
