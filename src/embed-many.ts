// A whole corpus (embedMany): calls cut to what the deployment takes (inputs and tokens per call, learned from the
// service's refusals), started no faster than its rate limits allow (pacing.ts), slowed down together when a 429
// comes anyway, and batches handed over in input order, so that a failure keeps everything before it.
import { callEmbeddings, checkTexts, type EmbedCall, toFloat32, toNumbers } from "./embed.ts";
import { ApiError, check, integer } from "./errors.ts";
import type { LearnedLimits } from "./learned-limits.ts";
import { Pacer, type Ticket } from "./pacing.ts";
import { backoffDelay, hintedDelay, MAX_HINTED_DELAY_MS } from "./retry.ts";
import type { EmbedFormat, EmbeddingResponse, EmbedManyRequest, EmbedManyResult, RequestOptions } from "./types.ts";

/** What embedMany needs from the client. */
export interface EmbedTarget {
  call: EmbedCall;
  /** Azure only: the input limit a refusal names, or undefined for another error (see providers.ts). */
  inputLimit?: (status: number, body: unknown) => number | undefined;
  limits: LearnedLimits;
  /** The deployment: its URL, plus the body's model on Azure's v1 form. */
  key: string;
}

/** The default of `concurrency`: enough to hide latency; a rate limit halves it at its first 429 (README). */
const DEFAULT_CONCURRENCY = 4;
/** The default of `batchSize`: the most inputs the services take in one call. */
const DEFAULT_BATCH_SIZE = 2048;
/**
 * The default of `batchSize` with `keep: false`, where what the job holds is its batches in flight: 512 vectors of
 * 1536 floats are 3 MB, against 12.6 MB at 2048. The extra calls bring no rate limit closer: Azure grants 6 requests
 * a minute per 1000 tokens a minute, so a call of 512 inputs of a token or more spends its token quota first.
 */
const UNKEPT_BATCH_SIZE = 512;
/**
 * Tokens are counted by the service, characters here: a call is cut to this share of the token cap. The tokens per
 * character come from the refused call itself, so only the next calls' own mix of texts can differ: a few percent.
 */
const TOKEN_MARGIN = 0.95;
/** A 429 after this many pauses in a row with no success between them ends the job: a bounded time. */
const MAX_PAUSES = 6;
/** The pacer's estimate of a call's tokens per character (OpenAI's rule of thumb for English; the emulator's too). */
const TOKENS_PER_CHAR = 0.25;
const TOKEN_CAP = /Requested (\d+) tokens, max (\d+) tokens per request/;
const TOO_LONG = /maximum context length/i;

/** Inputs `[start, end)`; `cap` bounds the calls cut from them (halved while looking for a too-long input). */
interface Range {
  start: number;
  end: number;
  cap: number;
}

/** A call in flight: its inputs, its own abort, the concurrency it was sent at, and its place for the pacer. */
interface Call extends Range {
  controller: AbortController;
  epoch: number;
  ticket: Ticket;
  chars: number;
}

/**
 * Embeds `input` in calls cut to the deployment's limits, at most `concurrency` in flight, and hands each finished
 * batch to `onBatch` in input order. Learns limits from the service's refusals into `target.limits`.
 */
export async function embedMany<F extends EmbedFormat = "number">(
  target: EmbedTarget,
  request: EmbedManyRequest<F>,
  options: RequestOptions = {},
): Promise<EmbedManyResult<F>> {
  const {
    input,
    batchSize: chosenBatchSize,
    concurrency = DEFAULT_CONCURRENCY,
    format,
    keep = true,
    onBatch,
    onProgress,
    ...fields
  } = request;
  const defaultBatchSize = keep ? DEFAULT_BATCH_SIZE : UNKEPT_BATCH_SIZE;
  const batchSize = chosenBatchSize === undefined ? defaultBatchSize : chosenBatchSize;
  checkTexts(input);
  integer(batchSize, 0, "batchSize", 1);
  integer(concurrency, 0, "concurrency", 1);
  check(typeof keep == "boolean", "keep must be a boolean");
  check(!onBatch || typeof onBatch == "function", "onBatch must be a function");
  const { signal } = options;
  signal?.throwIfAborted();

  const limits = target.limits.get(target.key) ?? {};
  target.limits.set(target.key, limits);
  const convert: (embedding: unknown) => unknown = format == "float32" ? toFloat32 : toNumbers;
  const total = input.length;
  const embeddings: unknown[] = keep ? new Array(total) : [];
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  const tally = { requests: 0 };

  // Work: inputs not yet sent (in input order), calls in flight, and finished batches waiting for their turn.
  const unsent: Range[] = total ? [{ start: 0, end: total, cap: batchSize }] : [];
  const inFlight = new Set<Call>();
  const held = new Map<number, { end: number; vectors: unknown[] }>();
  let delivered = 0; // inputs [0, delivered) have been handed to onBatch
  let delivering = false;
  let failure: { at: number; error: unknown } | undefined;
  // Rate limits: what the answers say is left, calls allowed in flight, successes since that last changed, the pause.
  const pacer = new Pacer();
  let allowed = concurrency;
  let successes = 0;
  let epoch = 0;
  let pauses = 0;
  let pausedUntil = 0;

  // The job sleeps until something changes: a call ends, a batch is delivered, a wait runs out, the caller aborts.
  let wake = () => {};
  const nextChange = async (timeoutMs: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (timeoutMs < Infinity) timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
  };
  const failedAt = () => failure?.at ?? total;

  /** The next call from the first unsent range: as many inputs as the limits allow, at least one, and its chars. */
  const nextCut = (range: Range): { end: number; chars: number } => {
    const most = Math.min(range.end - range.start, range.cap, limits.inputs ?? Infinity);
    const budget = limits.chars ?? Infinity;
    let end = range.start + 1;
    let chars = input[range.start]!.length;
    while (end < range.start + most && chars + input[end]!.length <= budget) {
      chars += input[end]!.length;
      end++;
    }
    return { end, chars };
  };

  /** Puts a call's inputs back among the unsent, in input order, joined to the range that follows when it can be. */
  const giveBack = ({ start, end }: Range, cap: number) => {
    const at = unsent.findIndex((range) => range.start > start);
    const following = unsent[at];
    if (following && following.start == end && following.cap == cap) following.start = start;
    else unsent.splice(at < 0 ? unsent.length : at, 0, { start, end, cap });
  };

  /** The job ends at input `at`: later calls are cancelled, earlier ones finish and are delivered. */
  const fail = (at: number, error: unknown) => {
    if (failure && failure.at <= at) return;
    failure = { at, error };
    for (const call of inFlight) if (call.start > at) call.controller.abort(error);
  };

  /** Hands finished batches to onBatch in input order, one at a time, each awaited. */
  const deliver = async () => {
    if (delivering) return; // the running loop picks this batch up too
    delivering = true;
    try {
      let batch = held.get(delivered);
      while (batch && delivered < failedAt() && !signal?.aborted) {
        const start = delivered;
        if (keep) for (let i = 0; i < batch.vectors.length; i++) embeddings[start + i] = batch.vectors[i];
        await onBatch?.(batch.vectors as Parameters<NonNullable<typeof onBatch>>[0], start);
        held.delete(start);
        delivered = batch.end;
        onProgress?.(delivered, total);
        batch = held.get(delivered);
      }
    } catch (error) {
      fail(delivered, error);
    } finally {
      delivering = false;
      wake();
    }
  };

  const succeeded = (response: Partial<EmbeddingResponse>) => {
    const counted = response.usage;
    for (const field of ["prompt_tokens", "total_tokens"] as const) usage[field] += counted?.[field] ?? 0;
    limits.probed = true;
    pauses = 0;
    successes++;
    // Grow back by one after a run of successes as long as the calls allowed.
    if (allowed < concurrency && successes >= allowed) {
      allowed++;
      successes = 0;
    }
  };

  /** A 429: every call waits for the service's wait, then the job goes on with half the calls in flight. */
  const throttled = (call: Call, error: ApiError) => {
    const wait = hintedDelay(error.headers) ?? backoffDelay(pauses);
    // Only the first 429 of what was sent at this concurrency counts: the others were in flight with it. A call sent
    // on a spent budget, to ask the service when to go on, was expected to be refused: it only pauses the job.
    const first = call.epoch == epoch && !call.ticket.asking;
    // A 429 asking for more than a minute means "not soon": the job ends (resume it later from where it stopped).
    if (wait > MAX_HINTED_DELAY_MS || (first && pauses >= MAX_PAUSES)) return fail(call.start, error);
    if (first) {
      pauses++;
      epoch++;
      successes = 0;
      allowed = Math.max(1, Math.floor(allowed / 2));
    }
    pausedUntil = Math.max(pausedUntil, Date.now() + wait);
    pacer.paused(pausedUntil);
    giveBack(call, call.cap);
  };

  /** What a failed call means: wait and retry, cut smaller to a limit it taught, find a too-long input, or the end. */
  const recover = (call: Call, error: unknown) => {
    const size = call.end - call.start;
    if (!(error instanceof ApiError)) return fail(call.start, error);
    if (error.status == 429) return throttled(call, error);
    const tokenCap = TOKEN_CAP.exec(error.message);
    if (size > 1 && (tokenCap || error.code == "max_tokens_per_request")) {
      if (tokenCap) {
        const [, requested, max] = tokenCap;
        const fits = Math.floor((call.chars * +max! * TOKEN_MARGIN) / +requested!);
        limits.chars = Math.min(limits.chars ?? Infinity, fits);
      }
      // The budget now cuts these inputs smaller; if the service's numbers (or their absence) would not, halve them.
      return giveBack(call, (limits.chars ?? Infinity) < call.chars ? call.cap : Math.ceil(size / 2));
    }
    const named = size > 1 ? target.inputLimit?.(error.status, error.body) : undefined;
    if (named !== undefined) {
      limits.inputs = named < size ? named : 1;
      return giveBack(call, call.cap);
    }
    if (error.status == 400 && TOO_LONG.test(error.message)) {
      if (size > 1) return giveBack(call, Math.ceil(size / 2));
      const { status, provider, headers, body } = error;
      const message = `${error.message} (embedMany: input[${call.start}] is too long)`;
      return fail(call.start, new ApiError({ status, provider, headers, body, message }));
    }
    fail(call.start, error);
  };

  /** Sends one call; its embeddings wait in `held` for their turn, a failure goes to `recover`. */
  const run = async (call: Call) => {
    try {
      const body = { ...fields, input: input.slice(call.start, call.end) };
      const onAnswer = (status: number, headers: Headers) => pacer.answered(call.ticket, status, headers, Date.now());
      const callOptions = { ...options, signal: call.controller.signal, tally, retryRateLimited: false, onAnswer };
      const { response, embeddings } = await callEmbeddings(target.call, body, call.end - call.start, callOptions);
      const vectors = embeddings.map(convert);
      succeeded(response);
      held.set(call.start, { end: call.end, vectors });
      void deliver();
    } catch (error) {
      if (!call.controller.signal.aborted) recover(call, error);
    } finally {
      inFlight.delete(call);
      wake();
    }
  };

  /**
   * Starts calls while the job may: a free slot, room to hold what comes back, inputs left, and the rate limits'
   * leave. Returns how long until the pacer lets the next call go (Infinity: when something changes).
   */
  const launch = (now: number): number => {
    // The first call to a deployment that has told nothing goes alone: a refusal that teaches a limit costs one call.
    const told = limits.probed || limits.inputs !== undefined || limits.chars !== undefined;
    while (inFlight.size < (told ? allowed : 1) && unsent[0] && unsent[0].start < failedAt()) {
      const range = unsent[0];
      // In flight and waiting for onBatch together stay within `concurrency` (a slow onBatch slows the job, and
      // memory holds that many batches), unless this call fills the gap that holds delivery up.
      if (inFlight.size + held.size >= concurrency && range.start > Math.max(...held.keys())) return Infinity;
      const { end, chars } = nextCut(range);
      const tokens = Math.ceil(chars * TOKENS_PER_CHAR);
      const wait = pacer.wait(tokens, inFlight.size, now);
      if (wait !== undefined) return wait;
      const call = { start: range.start, end, cap: range.cap, chars, controller: new AbortController(), epoch };
      if (end == range.end) unsent.shift();
      else range.start = end;
      const started = { ...call, ticket: pacer.started(tokens, now) };
      inFlight.add(started);
      void run(started);
    }
    return Infinity;
  };

  const abort = () => {
    for (const call of inFlight) call.controller.abort(signal?.reason);
    wake();
  };
  signal?.addEventListener("abort", abort);
  try {
    for (;;) {
      signal?.throwIfAborted();
      // Read the clock once: a pause seen here is also the one waited out below.
      const now = Date.now();
      const pausedFor = pausedUntil - now;
      const sleep = pausedFor > 0 ? pausedFor : launch(now);
      const more = unsent[0] && unsent[0].start < failedAt();
      if (!inFlight.size && !delivering && !more) break;
      await nextChange(sleep);
    }
  } finally {
    signal?.removeEventListener("abort", abort);
  }
  if (failure) throw failure.error;
  return { embeddings, usage, requests: tally.requests } as EmbedManyResult<F>;
}
