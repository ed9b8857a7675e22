// What chat, completions and embeddings requests share, and the usage and Azure filter results their answers share.

/** Fields of every model request: OpenAI reads `model`; Azure addresses `deployment ?? deployments[model] ?? model`. */
export interface ModelRequest {
  /** The model; on Azure, the deployment's name (unless `deployments` maps it or `deployment` is given). */
  model: string;
  /** Azure only: the deployment to call; never sent in the body. */
  deployment?: string;
  /** A stable id of your end user, for abuse monitoring. */
  user?: string;
  /**
   * The one escape hatch: fields the types do not list yet (a new API field, an Azure extension), sent as they are
   * at the top level of the body. The typed fields win when both name the same field.
   *
   * @example
   * ```ts
   * await client.chat({ model: "gpt-4o", messages, extra_body: { some_new_field: true } });
   * ```
   */
  extra_body?: Record<string, unknown>;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens?: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; audio_tokens?: number };
  completion_tokens_details?: {
    reasoning_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  };
}

/** Azure's content-filter verdicts (`hate`, `sexual`, `violence`, `self_harm`, …). */
export type ContentFilterResults = Record<string, unknown>;

/** Azure sends these on the prompt. */
export interface PromptFilterResult {
  prompt_index: number;
  content_filter_results?: ContentFilterResults;
}
