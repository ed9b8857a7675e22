// A scripted embeddings service for the embedMany suites: the services' real refusals (tokens per request, an input
// over the context length, too many inputs) from one rule table, served two ways (a fault-server step over real
// HTTP, and an injected fetch), plus a seeded random source and a fetch that logs what is in flight.
import type { FetchLike } from "../../src/mod.ts";
import { embeddingOf, float32ToBase64 } from "../../src/testing.ts";
import { bodyOf, type Step, type StepFn } from "../fault-server.ts";

/** How the scripted service behaves. Tokens are counted as ceil(characters / 4) per input. */
export interface ServiceRules {
  provider: "openai" | "azure";
  /** OpenAI's cap on the tokens of one request (300 000 on the real service). */
  maxTokensPerRequest?: number;
  /** The model's context length: one input over it fails its whole call. */
  maxInputTokens?: number;
  /** Dimensions of the vectors (default 4). */
  dims?: number;
  /** Send `data` in reverse order (each item keeps its own index), as a server is free to. */
  reversed?: boolean;
}

/** The scripted service's token count of one input. */
export const tokensOf = (text: string) => Math.ceil(text.length / 4);

const refusal = (rules: ServiceRules, message: string, code: string | null): { status: number; body: unknown } => ({
  status: 400,
  body: {
    error: {
      message,
      type: code ?? "invalid_request_error",
      param: null,
      code: rules.provider == "openai" ? code : null,
    },
  },
});

/** The status and JSON body the service answers to an embeddings request body. */
export function answer(
  body: { input: string[]; encoding_format?: string },
  rules: ServiceRules,
): { status: number; body: unknown } {
  const { input } = body;
  const counts = input.map(tokensOf);
  const requested = counts.reduce((sum, n) => sum + n, 0);
  const longest = Math.max(...counts);
  if (rules.maxInputTokens && longest > rules.maxInputTokens) {
    const message =
      `This model's maximum context length is ${rules.maxInputTokens} tokens, however you requested ${longest} ` +
      `tokens (${longest} in your prompt; 0 for the completion). Please reduce your prompt; or completion length.`;
    return refusal(rules, message, null);
  }
  if (rules.maxTokensPerRequest && requested > rules.maxTokensPerRequest) {
    return refusal(
      rules,
      `Requested ${requested} tokens, max ${rules.maxTokensPerRequest} tokens per request`,
      "max_tokens_per_request",
    );
  }
  const dims = rules.dims ?? 4;
  const data = input.map((text, index) => {
    const vector = embeddingOf(text, dims);
    return {
      object: "embedding",
      index,
      embedding: body.encoding_format == "base64" ? float32ToBase64(vector) : Array.from(vector),
    };
  });
  if (rules.reversed) data.reverse();
  return {
    status: 200,
    body: {
      object: "list",
      model: "text-embedding-3-small",
      data,
      usage: { prompt_tokens: requested, total_tokens: requested },
    },
  };
}

/** The service as a fault-server step (real HTTP). */
export const serviceStep =
  (rules: ServiceRules): StepFn =>
  (request) =>
    answer(bodyOf(request), rules) as Step;

/** The service as an injected fetch; `bodies` receives every request body. */
export function serviceFetch(rules: ServiceRules, bodies: { input: string[] }[] = []): FetchLike {
  return async (_url, init) => {
    const body = JSON.parse(String(init.body));
    bodies.push(body);
    const { status, body: json } = answer(body, rules);
    return Response.json(json, { status });
  };
}

/** A seeded source of numbers in [0, 1) (mulberry32): the same seed, the same sequence. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One fetch as the client made it: its first input, when it started, and how many fetches were pending then. */
export interface Started {
  first: string;
  size: number;
  at: number;
  pendingAtStart: number;
  afterAbort: boolean;
  signal: AbortSignal;
  /** The response head arrived or the fetch failed. */
  settled: boolean;
}

/**
 * Wraps a fetch (the global one by default) and logs each call: how many were pending (from call to response head)
 * when it started, and whether `abortedYet()` was already true.
 */
export function loggingFetch(
  inner: FetchLike = (url, init) => fetch(url, init),
  abortedYet: () => boolean = () => false,
) {
  const started: Started[] = [];
  let pending = 0;
  const logged: FetchLike = async (url, init) => {
    const { input } = JSON.parse(String(init.body)) as { input: string[] };
    pending++;
    const call: Started = {
      first: input[0]!,
      size: input.length,
      at: Date.now(),
      pendingAtStart: pending,
      afterAbort: abortedYet(),
      signal: init.signal!,
      settled: false,
    };
    started.push(call);
    try {
      return await inner(url, init);
    } finally {
      pending--;
      call.settled = true;
    }
  };
  return { fetch: logged, started };
}
