// What the services have said about each deployment's embeddings calls, kept per client: one kind of state, apart
// from the client's resolved settings and its secrets. The client creates the store; embedMany reads and updates it.

/** What the service has said about one deployment's embeddings calls. */
export interface DeploymentLimits {
  /** Most inputs per call ("Too many inputs. The max number of inputs is N."). */
  inputs?: number;
  /**
   * Most characters of input per call: the token cap ("Requested N tokens, max M tokens per request") less a
   * margin, over the tokens per character the service counted in the refused call.
   */
  chars?: number;
  /** A call has succeeded: later jobs need not send their first call alone. */
  probed?: boolean;
}

/**
 * Limits learned per deployment key over a client's life: what the services said, a store of its own apart from
 * the client's settings and secrets. The client creates it (`new Map()`); embedMany reads and updates it.
 */
export type LearnedLimits = Map<string, DeploymentLimits>;
