import type { ChatCompletion, ChatCompletionChunk, Completion } from "./types.js";
/**
 * Collects a streamed chat into the `ChatCompletion` the same request without `stream` returns, calling `onChunk`
 * for each chunk on the way. Per choice: `role`, `content` and `refusal` concatenated; `tool_calls` merged by
 * their `index` (`id`, `type` and `function.name` from the first delta that has them, `function.arguments`
 * concatenated: `""` for a tool that takes none); `finish_reason`; `logprobs.content` appended; Azure's
 * `content_filter_results` (the latest verdict per category). `id`, `model`, `created` and `system_fingerprint`
 * come from the first chunk that has them, `usage` from the usage chunk (`stream_options: { include_usage: true }`),
 * Azure's `prompt_filter_results` from its opening chunk. A stream that fails rejects with its error.
 *
 * @example
 * ```ts
 * const completion = await collectChat(client.chatStream({ model, messages, tools }), (chunk) => {
 *   output.textContent += chunk.choices[0]?.delta?.content ?? "";
 * });
 * for (const call of completion.choices[0]?.message.tool_calls ?? []) {
 *   run(call.function.name, JSON.parse(call.function.arguments || "{}"));
 * }
 * ```
 */
export declare function collectChat(stream: AsyncIterable<ChatCompletionChunk>, onChunk?: (chunk: ChatCompletionChunk) => void): Promise<ChatCompletion>;
/**
 * Collects a streamed legacy completion into the `Completion` the same request without `stream` returns, calling
 * `onChunk` for each chunk: per choice `text` concatenated, `finish_reason`, the `logprobs` arrays appended, Azure's
 * `content_filter_results`; the top-level fields as {@link collectChat} takes them.
 *
 * @example
 * ```ts
 * const completion = await collectCompletion(client.completeStream({ model, prompt: "Once upon" }), (chunk) => {
 *   process.stdout.write(chunk.choices[0]?.text ?? "");
 * });
 * console.log(completion.choices[0]?.finish_reason, completion.usage);
 * ```
 */
export declare function collectCompletion(stream: AsyncIterable<Completion>, onChunk?: (chunk: Completion) => void): Promise<Completion>;
