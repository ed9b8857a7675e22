type Json = Record<string, unknown>;
/**
 * Azure's verdicts on content that passed every filter, as the emulator sends them.
 *
 * @example
 * ```ts
 * expect(reply.choices[0]?.content_filter_results).toEqual(PASSED_FILTERS);
 * ```
 */
export declare const PASSED_FILTERS: Json;
/** A chat reply's `prompt_filter_results`. */
export declare const PROMPT_FILTERS: Json[];
/** What Azure's filter says about output it stopped. */
export declare const BLOCKED_OUTPUT: Json;
/** The `content_filters` array of an Azure Responses object: one verdict on the prompt, one on the completion. */
export declare function responseFilters(promptChars: number, outputChars: number, blocked?: boolean): Json[];
export {};
