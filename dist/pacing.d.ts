/** A started call, as the pacer counts it: its place among the job's calls, its start, the tokens sent up to it. */
export interface Ticket {
    seq: number;
    at: number;
    /** Tokens of this call and every call started before it. */
    tokensThrough: number;
    /** The budget was spent when this call went: it asks the service when to go on (a 429 here is expected). */
    asking: boolean;
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
export declare class Pacer {
    #private;
    /** Counts a call that starts `now`, of about `tokens` tokens. */
    started(tokens: number, now: number): Ticket;
    /**
     * Reads the rate-limit headers of the answer (with its status) to the call of `ticket`. The answer that comes last
     * is the reading, even if its call started before the last reading's: the service counts calls in the order they
     * arrive, which is not always the order they left, so an older call that arrived later has seen the newer one.
     */
    answered(ticket: Ticket, status: number, headers: Headers, now: number): void;
    /** A 429 paused the job until `until`: once over, one call goes and its answer tells the rest. */
    paused(until: number): void;
    /**
     * How long the next call, of about `tokens` tokens, should wait: undefined to go now, a number of ms, or Infinity
     * to wait for one of the `inFlight` calls to answer.
     */
    wait(tokens: number, inFlight: number, now: number): number | undefined;
}
