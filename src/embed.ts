// Embeddings: one call (embed) and a whole corpus (embedMany), base64 on the wire, decoded once.
import { ApiError, check, ConnectionError, integer } from "./errors.ts";
import type { Provider } from "./providers.ts";
import type { SendOptions } from "./send.ts";
import type { EmbedFormat, EmbeddingResponse, EmbedManyRequest, EmbedManyResult, RequestOptions } from "./types.ts";

/** Sends one embeddings body; provided by the client so that URL and auth stay in one place. */
export type EmbedCall = (body: Record<string, unknown>, o?: SendOptions) => Promise<EmbeddingResponse>;

/** What embedMany reads besides the call: the provider's input-limit rule, and the limits learned per deployment. */
interface Context {
  provider: Provider;
  limits: Map<string, number>;
}
type Tally = { requests: number };

// Guarded environment helper: Node, Bun and Deno have a native base64 decoder (several times faster than atob);
// browsers and workers, where it is undefined, use atob.
const { Buffer: nativeBuffer } = globalThis as { Buffer?: { from(text: string, encoding: "base64"): Uint8Array } };
const decodeBase64 = (text: string): Uint8Array =>
  nativeBuffer ? nativeBuffer.from(text, "base64") : Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** One embedding from the wire: base64 (little-endian float32) or, from servers that ignore the field, floats. */
export function toFloat32(embedding: unknown): Float32Array {
  if (typeof embedding == "string") {
    const bytes = decodeBase64(embedding);
    // Node's small buffers share a pool (and Buffer#slice does not copy): give each vector its own bytes.
    return new Float32Array(bytes.buffer.byteLength == bytes.length ? bytes.buffer : new Uint8Array(bytes).buffer);
  }
  if (Array.isArray(embedding)) return new Float32Array(embedding);
  throw new ConnectionError("bad embedding");
}

const toNumbers = (embedding: unknown): number[] => {
  if (Array.isArray(embedding)) return embedding;
  const floats = toFloat32(embedding);
  // A plain loop: Array.from goes through the iterator protocol, ten times slower here.
  const numbers = new Array<number>(floats.length);
  for (let i = 0; i < floats.length; i++) numbers[i] = floats[i]!;
  return numbers;
};

const checkTexts = (input: unknown): void => {
  check(Array.isArray(input), "input must be an array");
  for (let i = 0; i < (input as unknown[]).length; i++) {
    const text = (input as unknown[])[i];
    if (!text || typeof text != "string") check(0, `input[${i}] must be a non-empty string`);
  }
};

/** One embeddings call; `embedding` is `number[]` whatever the wire format. */
export async function embed(call: EmbedCall, body: Record<string, unknown>, o?: RequestOptions): Promise<EmbeddingResponse> {
  const texts = [body?.input].flat();
  checkTexts(texts.length ? texts : [""]); // an empty list is refused like an empty string
  const response = await call({ encoding_format: "base64", ...body }, o);
  for (const item of response.data) item.embedding = toNumbers(item.embedding);
  return response;
}

/**
 * Embeds `input` in calls of at most `batchSize` inputs, `concurrency` at a time. When the service answers that a
 * deployment takes fewer inputs per call, splits to that size, goes on, and remembers the size in `limits`.
 */
export async function embedMany<F extends EmbedFormat = "number">(
  c: Context,
  call: EmbedCall,
  key: string,
  request: EmbedManyRequest<F>,
  o: RequestOptions = {},
): Promise<EmbedManyResult<F>> {
  const { input, batchSize = 2048, concurrency = 1, format, onProgress, ...fields } = request;
  checkTexts(input);
  integer(batchSize, 0, "batchSize", 1);
  integer(concurrency, 0, "concurrency", 1);
  const { signal } = o;
  signal?.throwIfAborted();
  const total = input.length;
  const embeddings: unknown[] = new Array(total);
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  const tally: Tally = { requests: 0 };
  const convert = format == "float32" ? toFloat32 : toNumbers;
  // One signal for every call: the caller's abort, or ours on the first failure, stops them all.
  const stop = new AbortController();
  const options = { ...o, signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal };
  const pending: [number, number][] = [];
  let limit = Math.min(batchSize, c.limits.get(key) ?? batchSize);
  let next = 0;
  let done = 0;

  const take = () => pending.shift() ?? (next < total ? ([next, (next = Math.min(total, next + limit))] as [number, number]) : undefined);
  const run = async ([start, end]: [number, number]) => {
    const size = end - start;
    try {
      const response = await call({ encoding_format: "base64", ...fields, input: input.slice(start, end) }, { ...options, tally });
      const { data } = response;
      for (let i = 0; i < size; i++) {
        const item = data?.[i];
        const at = item?.index ?? i;
        // Every input gets exactly one embedding, or the whole call fails: never a hole or a swap.
        if (data.length != size || !(at >= 0 && at < size) || embeddings[start + at]) throw new ConnectionError("bad embeddings");
        embeddings[start + at] = convert(item!.embedding);
      }
      for (const k in usage) usage[k as keyof typeof usage] += response.usage?.[k as keyof typeof usage] ?? 0;
      onProgress?.((done += size), total);
    } catch (error) {
      const named = size > 1 && error instanceof ApiError ? c.provider.inputLimit?.(error.status, error.body) : undefined;
      if (named === undefined) throw error;
      c.limits.set(key, (limit = named < size ? named : 1));
      const pieces: [number, number][] = [];
      for (let s = start; s < end; s += limit) pieces.push([s, Math.min(end, s + limit)]);
      pending.unshift(...pieces);
    }
  };
  const worker = async () => {
    for (let range; (range = take()); ) await run(range);
  };

  try {
    // Where the service may limit inputs and this deployment's limit is unknown, the first call goes alone:
    // a refusal then costs one request, not `concurrency`.
    if (c.provider.inputLimit && !c.limits.has(key) && total) await run(take()!);
    await Promise.all(Array.from({ length: concurrency }, worker));
  } catch (error) {
    stop.abort(error);
    throw signal?.aborted ? signal.reason : error;
  }
  return { embeddings, usage, requests: tally.requests } as EmbedManyResult<F>;
}
