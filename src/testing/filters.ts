// Azure's content-filter verdicts, as its replies carry them (OpenAI sends none of these).

type Json = Record<string, unknown>;

const SAFE = { filtered: false, severity: "safe" };

/**
 * Azure's verdicts on content that passed every filter, as the emulator sends them.
 *
 * @example
 * ```ts
 * expect(reply.choices[0]?.content_filter_results).toEqual(PASSED_FILTERS);
 * ```
 */
export const PASSED_FILTERS: Json = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };

/** A chat reply's `prompt_filter_results`. */
export const PROMPT_FILTERS: Json[] = [{ prompt_index: 0, content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } } }];

/** What Azure's filter says about output it stopped. */
export const BLOCKED_OUTPUT: Json = { ...PASSED_FILTERS, violence: { filtered: true, severity: "medium" } };

/** The `content_filters` array of an Azure Responses object: one verdict on the prompt, one on the completion. */
export function responseFilters(promptChars: number, outputChars: number, blocked = false): Json[] {
  const verdict = (source: "prompt" | "completion", end: number, results: Json) => ({
    blocked: source == "completion" && blocked,
    source_type: source,
    content_filter_results: results,
    content_filter_offsets: { start_offset: 0, end_offset: end, check_offset: 0 },
  });
  return [
    verdict("prompt", promptChars, { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } }),
    verdict("completion", outputChars, blocked ? BLOCKED_OUTPUT : PASSED_FILTERS),
  ];
}
