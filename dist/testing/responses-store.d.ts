import type { RequestBody } from "./types.js";
import type { SseEvent } from "./wire.js";
type Json = Record<string, unknown>;
/** What a handler answers: a JSON body or a stream of events. */
export type Answer = {
    json: unknown;
} | {
    events: Iterator<SseEvent>;
};
/** The store of one emulator. */
export declare class ResponseStore {
    #private;
    /** A fresh id for an input item. */
    itemId: () => string;
    /** Checks a create request's `store`, `background` and `previous_response_id` as the service does. */
    check(body: RequestBody): void;
    /** Answers a create call with its finished response, storing it unless `store: false`. */
    create(final: Json, body: RequestBody): Answer;
    /** GET …/responses/{id}: the response as it stands (a background one moves on a step), or its events from `starting_after`. */
    retrieve(id: string, query: URLSearchParams): Answer;
    /** DELETE …/responses/{id}. */
    remove(id: string): Answer;
    /** POST …/responses/{id}/cancel: background only; a finished one is answered unchanged (idempotent). */
    cancel(id: string): Answer;
    /** GET …/responses/{id}/input_items: `limit` 1–100 (default 20), `order` (default `desc`), `after` an item id. */
    inputItems(id: string, query: URLSearchParams): Answer;
    clear(): void;
}
export {};
