import type { Flavor } from "./refusals.js";
import { type Said } from "./script.js";
import type { RequestBody } from "./types.js";
import type { SseEvent } from "./wire.js";
type Json = Record<string, unknown>;
/** The request's input as the items `input_items` lists: messages get `input_text` parts; each item an id. */
export declare function inputItems(body: RequestBody, nextId: () => string): Json[];
/** The text a Responses request is about: its last user message, else its last item's text or output. */
export declare function promptOfInput(body: RequestBody): string;
/** Every text a Responses request sends: its instructions and each input item's text or output (for limits). */
export declare function inputText(body: RequestBody): string;
/** What a response is built from. */
export interface Draft {
    id: string;
    flavor: Flavor;
    model: string;
    body: RequestBody;
    said: Said;
    /** The reply's text as its stream deltas (already cut at `max_output_tokens`). */
    tokens: string[];
    cut: boolean;
    /** Azure's (or a test's) content filter stopped the output. */
    filtered: boolean;
    createdAt: number;
    itemId: () => string;
}
/** The finished response object (status `completed`, or `incomplete` when cut or filtered). */
export declare function finishedResponse(d: Draft): Json;
/** The same response before it has finished: `queued` or `in_progress`, no output, no usage. */
export declare function unfinished(response: Json, status: "queued" | "in_progress" | "cancelled"): Json;
/**
 * The events of a streamed response, `sequence_number` from 0: `response.created` (and `response.queued` for
 * a background one), `response.in_progress`, then per output item `output_item.added`, its content parts and
 * deltas (or function-call argument pieces), `output_item.done`, and the terminal `response.completed` or
 * `response.incomplete` carrying the whole response.
 */
export declare function responseEvents(response: Json, background: boolean): Generator<SseEvent>;
export {};
