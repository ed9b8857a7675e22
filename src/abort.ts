// Waiting on a caller's AbortSignal without growing it: one listener per signal, however many calls wait.

// One listener per signal, however many calls wait on it: a long-lived signal shared by 100 000 calls neither
// grows nor warns (MaxListenersExceededWarning), and nothing is registered on it between calls. (AbortSignal.any
// would keep every composite signal alive on Node 20.)
const waiting = new WeakMap<AbortSignal, { callbacks: Set<() => void>; fire: () => void }>();

/**
 * Runs `callback` when `signal` aborts; returns the function that unregisters it (call it once the wait is over).
 *
 * @example
 * ```ts
 * const off = onAbort(signal, () => controller.abort(signal.reason));
 * try { await work(controller.signal); } finally { off(); }
 * ```
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let entry = waiting.get(signal);
  if (!entry) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      waiting.delete(signal);
      for (const waiter of callbacks) waiter();
    };
    entry = { callbacks, fire };
    waiting.set(signal, entry);
    signal.addEventListener("abort", fire, { once: true });
  }
  const { callbacks, fire } = entry;
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size || waiting.get(signal)?.callbacks !== callbacks) return;
    waiting.delete(signal);
    signal.removeEventListener("abort", fire);
  };
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts (the promise itself is left to settle). */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const off = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        off();
        resolve(value);
      },
      (error: unknown) => {
        off();
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return abortable(waited, signal).finally(() => clearTimeout(timer));
}
