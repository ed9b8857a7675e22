// Pacing: the rate-limit headers of a job's answers say how many requests and tokens the service will still take;
// the job starts no call the service would refuse, so it stays under the limit instead of meeting 429s. Both services
// send `x-ratelimit-remaining-requests|tokens` on every answer; OpenAI adds `x-ratelimit-limit-*` and
// `x-ratelimit-reset-*` (the time until the limit is whole again). The 429 pause stays the job's (embed-many.ts).
import { duration } from "./retry.ts";

/** A started call, as the pacer counts it: its place among the job's calls, its start, the tokens sent up to it. */
export interface Ticket {
  seq: number;
  at: number;
  /** Tokens of this call and every call started before it. */
  tokensThrough: number;
  /** The budget was spent when this call went: it asks the service when to go on (a 429 here is expected). */
  asking: boolean;
}

/** What the service said in the answer that came last (to whichever call it answered). */
interface Reading {
  seq: number;
  tokensThrough: number;
  at: number;
  requests?: Side;
  tokens?: Side;
}

/** One limit: what is left, and, when the service says, its size and the time until it is whole again. */
interface Side {
  remaining: number;
  limit?: number;
  resetMs?: number;
}

/**
 * A call's start here and its arrival there are apart by the network's (and the event loop's) delay, which varies:
 * the window learned from a 429 is lengthened by this share, so that a call which reached the service late a window
 * ago does not make the one now a 429.
 */
const WINDOW_MARGIN = 0.05;

const COUNT = /^\d+$/;
const count = (value: string | null): number | undefined => (value && COUNT.test(value) ? +value : undefined);

/** One side of the headers; undefined when the service sent no (or a negative) `remaining`. */
function side(headers: Headers, kind: "requests" | "tokens"): Side | undefined {
  const remaining = count(headers.get(`x-ratelimit-remaining-${kind}`));
  if (remaining === undefined) return undefined;
  const limit = count(headers.get(`x-ratelimit-limit-${kind}`));
  return { remaining, limit, resetMs: duration(headers.get(`x-ratelimit-reset-${kind}`)) };
}

/**
 * How long until `needed` more of a limit come back: the reset covers what is used (limit less remaining), so a
 * share of it when the limit is known, else all of it; undefined when the service named no reset.
 */
function refill({ remaining, limit, resetMs }: Side, needed: number): number | undefined {
  if (resetMs === undefined) return undefined;
  const used = limit === undefined ? 0 : limit - remaining;
  return used > needed ? (resetMs * needed) / used : resetMs;
}

/**
 * Spaces one job's call starts by what its answers say is left. Budget = what the last answer says remains, less
 * what the job started after the call it answered. While it lasts, calls go; when spent, the job waits for the
 * answers in flight, then for the reset the service named, and with no reset (Azure) sends one call that asks: its
 * answer, a success or a 429 with the exact wait, says when to go on. That first 429 also tells the window the
 * service counts over (its wait ends when the oldest request counted leaves it), so from then on a call starts only
 * once the call `size` starts before it is a window old, and the window does not refill one 429 at a time.
 *
 * @example
 * ```ts
 * const pacer = new Pacer();
 * const ticket = pacer.started(500, Date.now()); // a call of about 500 tokens goes
 * pacer.answered(ticket, response.status, response.headers, Date.now());
 * pacer.wait(500, 0, Date.now()); // undefined: go now; a number: ms to wait; Infinity: until an answer comes
 * ```
 */
export class Pacer {
  #started = 0;
  #tokensSent = 0;
  #reading: Reading | undefined;
  /** Answers to calls started before this one describe the service before the last 429 pause. */
  #freshFrom = 0;
  /** When the calls the service counted (all but its 429s) started, oldest first. */
  #counted: number[] = [];
  /** The most requests one answer said were left, plus that call: the size of the service's window. */
  #size: number | undefined;
  /** The service's window, learned from the first 429: `size` requests in any `ms`. */
  #windowMs: number | undefined;

  /** Counts a call that starts `now`, of about `tokens` tokens. */
  started(tokens: number, now: number): Ticket {
    const asking = this.#spent(tokens);
    this.#tokensSent += tokens;
    const counted = this.#counted;
    counted.push(now);
    // Only the last window's worth is ever read: a long job keeps no more than twice that.
    const size = this.#size;
    if (size !== undefined && counted.length > 2 * size) counted.splice(0, counted.length - size);
    return { seq: this.#started++, at: now, tokensThrough: this.#tokensSent, asking };
  }

  /**
   * Reads the rate-limit headers of the answer (with its status) to the call of `ticket`. The answer that comes last
   * is the reading, even if its call started before the last reading's: the service counts calls in the order they
   * arrive, which is not always the order they left, so an older call that arrived later has seen the newer one.
   */
  answered(ticket: Ticket, status: number, headers: Headers, now: number): void {
    if (status == 429) this.#counted.splice(this.#counted.lastIndexOf(ticket.at), 1);
    if (ticket.seq < this.#freshFrom) return;
    const requests = side(headers, "requests");
    const tokens = side(headers, "tokens");
    if (requests && status != 429) this.#size = Math.max(this.#size ?? 0, requests.remaining + 1);
    // A service that names no limit is not paced (its 429s still pause the job).
    const { seq, tokensThrough } = ticket;
    this.#reading = requests || tokens ? { seq, tokensThrough, at: now, requests, tokens } : undefined;
  }

  /** A 429 paused the job until `until`: once over, one call goes and its answer tells the rest. */
  paused(until: number): void {
    const counted = this.#counted;
    const size = this.#size;
    // The wait ends when the oldest request the service counts leaves its window: the one `size` counted requests ago.
    const oldest = size === undefined ? undefined : counted[Math.max(0, counted.length - size)];
    if (this.#windowMs === undefined && oldest !== undefined) this.#windowMs = (until - oldest) * (1 + WINDOW_MARGIN);
    this.#freshFrom = this.#started;
    const onePasses = { remaining: 1 };
    this.#reading = { seq: this.#started - 1, tokensThrough: this.#tokensSent, at: -Infinity, requests: onePasses };
  }

  /**
   * How long the next call, of about `tokens` tokens, should wait: undefined to go now, a number of ms, or Infinity
   * to wait for one of the `inFlight` calls to answer.
   */
  wait(tokens: number, inFlight: number, now: number): number | undefined {
    const windowFreesAt = this.#windowFreesAt();
    if (windowFreesAt > now) return windowFreesAt - now;
    if (!this.#spent(tokens)) return undefined;
    if (inFlight) return Infinity;
    const reading = this.#reading;
    if (!reading) return undefined;
    const { requests: requestsLeft, tokens: tokensLeft } = this.#left(reading);
    const waits: number[] = [];
    if (reading.requests && requestsLeft < 1) waits.push(refill(reading.requests, 1 - requestsLeft) ?? 0);
    if (reading.tokens && tokensLeft < tokens) waits.push(refill(reading.tokens, tokens - tokensLeft) ?? 0);
    const ready = reading.at + Math.max(0, ...waits);
    return ready > now ? ready - now : undefined;
  }

  /** When the learned window lets one more request in: the one `size` counted requests back is a window old. */
  #windowFreesAt(): number {
    const counted = this.#counted;
    const size = this.#size;
    if (this.#windowMs === undefined || size === undefined || counted.length < size) return -Infinity;
    return (counted[counted.length - size] ?? -Infinity) + this.#windowMs;
  }

  /** What is left of each limit now: the reading's figures less what was started after its call. */
  #left(reading: Reading): { requests: number; tokens: number } {
    const startedSince = this.#started - reading.seq - 1;
    const tokensSince = this.#tokensSent - reading.tokensThrough;
    return {
      requests: (reading.requests?.remaining ?? Infinity) - startedSince,
      tokens: (reading.tokens?.remaining ?? Infinity) - tokensSince,
    };
  }

  #spent(tokens: number): boolean {
    if (!this.#reading) return false;
    const left = this.#left(this.#reading);
    return left.requests < 1 || left.tokens < tokens;
  }
}
