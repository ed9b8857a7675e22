// Embeddings: one call (embed) and a whole corpus (embedMany), base64 on the wire, decoded once.
import { ApiError, ConfigError, ConnectionError } from "./errors.ts";
import type { Context, Tally } from "./send.ts";
import type { EmbedFormat, EmbeddingResponse, EmbedManyRequest, EmbedManyResult, RequestOptions } from "./types.ts";

/** Sends one embeddings body; provided by the client so that URL and auth stay in one place. */
export type EmbedCall = (body: Record<string, unknown>, o: RequestOptions, tally?: Tally) => Promise<EmbeddingResponse>;

type Base64Decoder = (text: string) => Uint8Array;
const globals = globalThis as { Buffer?: { from(text: string, encoding: "base64"): Uint8Array } };
const fromBase64 = (Uint8Array as { fromBase64?: Base64Decoder }).fromBase64;
// Guarded environment helpers: a native decoder where the runtime has one, else atob.
const decodeBase64: Base64Decoder = fromBase64
  ? fromBase64
  : globals.Buffer
    ? (text) => globals.Buffer!.from(text, "base64")
    : (text) => {
        const binary = atob(text);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < bytes.length; i++) bytes[i] = binary.charCodeAt(i);
        return bytes;
      };

/** One embedding from the wire: base64 (little-endian float32) or, from servers that ignore the field, floats. */
export function toFloat32(embedding: unknown): Float32Array {
  if (typeof embedding == "string") {
    const bytes = decodeBase64(embedding);
    // Node's small buffers share a pool; copy those so each vector owns an aligned buffer.
    return bytes.byteOffset || bytes.buffer.byteLength != bytes.length
      ? new Float32Array(bytes.slice().buffer)
      : new Float32Array(bytes.buffer, 0, bytes.length >> 2);
  }
  if (Array.isArray(embedding)) return new Float32Array(embedding);
  throw new ConnectionError("embedding is neither base64 nor an array of numbers");
}

const toNumbers = (embedding: unknown): number[] =>
  Array.isArray(embedding) && typeof embedding[0] != "string" ? embedding : Array.from(toFloat32(embedding));

const checkTexts = (input: unknown): void => {
  if (!Array.isArray(input)) throw new ConfigError("input must be an array of strings");
  for (let i = 0; i < input.length; i++) {
    if (typeof input[i] != "string" || !input[i]) throw new ConfigError(`input[${i}] must be a non-empty string`);
  }
};

const positive = (value: number, name: string): number => {
  if (!(Number.isInteger(value) && value > 0)) throw new ConfigError(`${name} must be a positive integer`);
  return value;
};

/** One embeddings call; `embedding` is `number[]` whatever the wire format. */
export async function embed(call: EmbedCall, body: Record<string, unknown>, o?: RequestOptions): Promise<EmbeddingResponse> {
  checkTexts(typeof body.input == "string" ? [body.input] : body.input);
  const response = await call({ encoding_format: "base64", ...body }, o ?? {});
  for (const item of response.data) item.embedding = toNumbers(item.embedding);
  return response;
}

/**
 * Embeds `input` in calls of at most `batchSize` inputs, `concurrency` at a time. When the service answers
 * that a deployment takes fewer inputs per call, splits to that size, goes on, and remembers the size in `limits`.
 */
export function embedMany<F extends EmbedFormat = "number">(
  c: Context & { limits: Map<string, number> },
  call: EmbedCall,
  key: string,
  request: EmbedManyRequest<F>,
  o: RequestOptions = {},
): Promise<EmbedManyResult<F>> {
  const { input, batchSize = 2048, concurrency = 1, format, onProgress, ...fields } = request;
  checkTexts(input);
  positive(batchSize, "batchSize");
  positive(concurrency, "concurrency");
  const { signal } = o;
  signal?.throwIfAborted();
  const total = input.length;
  const embeddings: (number[] | Float32Array)[] = new Array(total);
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  const tally: Tally = { requests: 0 };
  const convert = format == "float32" ? toFloat32 : toNumbers;
  const body = { encoding_format: "base64", ...fields };
  let limit = Math.min(batchSize, c.limits.get(key) ?? batchSize);
  // Where the limit is unknown and the service may have one, the first call goes alone: a refusal costs one request, not `concurrency`.
  let probing = !!c.provider.inputLimit && !c.limits.has(key);
  const retry: [number, number][] = [];
  let next = 0;
  let done = 0;
  let inFlight = 0;
  let over = false;
  const stop = new AbortController();
  const callOptions = { ...o, signal: stop.signal };

  return new Promise((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (over) return;
      over = true;
      signal?.removeEventListener("abort", onAbort);
      if (error === undefined) return resolve({ embeddings, usage, requests: tally.requests } as EmbedManyResult<F>);
      stop.abort(error);
      reject(error);
    };
    const onAbort = () => finish(signal!.reason);
    signal?.addEventListener("abort", onAbort);

    const run = async (start: number, end: number) => {
      const response = await call({ ...body, input: input.slice(start, end) }, callOptions, tally);
      const { data } = response;
      if (data?.length != end - start) throw new ConnectionError(`asked for ${end - start} embeddings, got ${data?.length}`);
      for (let i = 0; i < data.length; i++) {
        const item = data[i]!;
        const index = start + (item.index ?? i);
        if (index < start || index >= end || embeddings[index]) throw new ConnectionError("embeddings came back with bad indexes");
        embeddings[index] = convert(item.embedding);
      }
      usage.prompt_tokens += response.usage?.prompt_tokens ?? 0;
      usage.total_tokens += response.usage?.total_tokens ?? 0;
      done += end - start;
      probing = false;
      onProgress?.(done, total);
    };

    const failed = (start: number, end: number, error: unknown) => {
      const size = end - start;
      const named = error instanceof ApiError && size > 1 ? c.provider.inputLimit?.(error.status, error.body) : undefined;
      if (named === undefined) return finish(error);
      limit = named < size ? named : 1;
      c.limits.set(key, limit);
      probing = false;
      const pieces: [number, number][] = [];
      for (let s = start; s < end; s += limit) pieces.push([s, Math.min(end, s + limit)]);
      retry.unshift(...pieces);
    };

    const pump = () => {
      while (!over && inFlight < (probing ? 1 : concurrency)) {
        let range = retry.shift();
        if (!range) {
          if (next >= total) break;
          range = [next, (next = Math.min(total, next + limit))];
        }
        const [start, end] = range;
        inFlight++;
        run(start, end).then(
          () => {
            inFlight--;
            pump();
          },
          (error) => {
            inFlight--;
            failed(start, end, error);
            pump();
          },
        );
      }
      if (!inFlight && next >= total && !retry.length) finish();
    };
    pump();
  });
}
