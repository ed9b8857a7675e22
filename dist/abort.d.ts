/**
 * Runs `callback` when `signal` aborts; returns the function that unregisters it (call it once the wait is over).
 *
 * @example
 * ```ts
 * const off = onAbort(signal, () => controller.abort(signal.reason));
 * try { await work(controller.signal); } finally { off(); }
 * ```
 */
export declare function onAbort(signal: AbortSignal, callback: () => void): () => void;
/** `promise`, or a rejection with the signal's reason as soon as it aborts (the promise itself is left to settle). */
export declare function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T>;
/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
