import type { ContentFilterResults, ModelRequest, PromptFilterResult, Usage } from "./shared.js";
/** The request of `complete` and `completeStream` (legacy completions). */
export interface CompletionRequest extends ModelRequest {
    prompt: string | string[];
    /** `complete` answers with one JSON object; for a stream use `completeStream`, which sets this itself. */
    stream?: false;
    max_tokens?: number;
    temperature?: number;
    top_p?: number;
    n?: number;
    best_of?: number;
    stop?: string | string[];
    suffix?: string;
    echo?: boolean;
    logprobs?: number;
    logit_bias?: Record<string, number>;
    presence_penalty?: number;
    frequency_penalty?: number;
    seed?: number;
    stream_options?: {
        include_usage?: boolean;
    };
}
/**
 * Why a legacy completion choice ended.
 *
 * @example
 * ```ts
 * const done = completion.choices.every((c) => c.finish_reason === "stop");
 * ```
 */
export type CompletionFinishReason = "stop" | "length" | "content_filter";
/** A legacy completion, or one streamed event of it. */
export interface Completion {
    id: string;
    object: string;
    created: number;
    model: string;
    choices: {
        text: string;
        index: number;
        finish_reason: CompletionFinishReason | null;
        logprobs?: unknown;
        content_filter_results?: ContentFilterResults;
    }[];
    usage?: Usage | null;
    prompt_filter_results?: PromptFilterResult[];
}
