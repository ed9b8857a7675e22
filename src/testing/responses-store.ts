// Stored responses: what `retrieve`, `delete`, `cancel`, `input_items` and `previous_response_id` find, and the
// life of a background response (queued at create, in_progress at the first retrieve, finished at the second,
// or as soon as it is streamed).
import { invalid, openaiError, Refusal } from "./refusals.ts";
import { inputItems, responseEvents, unfinished } from "./responses.ts";
import type { RequestBody } from "./types.ts";
import type { SseEvent } from "./wire.ts";

type Json = Record<string, unknown>;

/** What a handler answers: a JSON body or a stream of events. */
export type Answer = { json: unknown } | { events: Iterator<SseEvent> };

type Status = "queued" | "in_progress" | "finished" | "cancelled";

interface Stored {
  /** The response as it ends (completed or incomplete). */
  final: Json;
  status: Status;
  background: boolean;
  input: Json[];
}

// The service keeps responses for 30 days; the emulator keeps the most recent ones so a long benchmark's memory
// stays bounded.
const MAX_STORED = 10_000;

const notFound = (id: string) => new Refusal(404, openaiError(`Response with id '${id}' not found.`));

/** The store of one emulator. */
export class ResponseStore {
  #stored = new Map<string, Stored>();
  #items = 0;

  /** A fresh id for an input item. */
  itemId = (): string => `emu${String(++this.#items).padStart(8, "0")}`;

  /** Checks a create request's `store`, `background` and `previous_response_id` as the service does. */
  check(body: RequestBody): void {
    if (body.background && body.store === false) invalid("Background mode requires 'store' to be true.", "background");
    const previous = body.previous_response_id;
    if (previous !== undefined && !this.#stored.has(previous)) {
      invalid(`Previous response with id '${previous}' not found.`, "previous_response_id", "previous_response_not_found");
    }
  }

  /** Answers a create call with its finished response, storing it unless `store: false`. */
  create(final: Json, body: RequestBody): Answer {
    const background = body.background === true;
    if (body.store !== false) {
      this.#keep(String(final.id), { final, status: background && !body.stream ? "queued" : "finished", background, input: inputItems(body, this.itemId) });
    }
    if (body.stream) return { events: responseEvents(final, background) };
    return { json: background ? unfinished(final, "queued") : final };
  }

  /** GET …/responses/{id}: the response as it stands (a background one moves on a step), or its events from `starting_after`. */
  retrieve(id: string, query: URLSearchParams): Answer {
    const stored = this.#find(id);
    if (query.get("stream") == "true") {
      if (stored.status == "cancelled") invalid("Cannot stream a cancelled response.");
      stored.status = "finished";
      const after = Number(query.get("starting_after") ?? -1);
      return { events: eventsAfter(responseEvents(stored.final, stored.background), after) };
    }
    if (stored.status == "queued") stored.status = "in_progress";
    else if (stored.status == "in_progress") stored.status = "finished";
    return { json: this.#view(stored) };
  }

  /** DELETE …/responses/{id}. */
  remove(id: string): Answer {
    this.#find(id);
    this.#stored.delete(id);
    return { json: { id, object: "response", deleted: true } };
  }

  /** POST …/responses/{id}/cancel: background only; a finished one is answered unchanged (idempotent). */
  cancel(id: string): Answer {
    const stored = this.#find(id);
    if (!stored.background) invalid("Cannot cancel a synchronous response.");
    if (stored.status == "queued" || stored.status == "in_progress") stored.status = "cancelled";
    return { json: this.#view(stored) };
  }

  /** GET …/responses/{id}/input_items: `limit` 1–100 (default 20), `order` (default `desc`), `after` an item id. */
  inputItems(id: string, query: URLSearchParams): Answer {
    const stored = this.#find(id);
    const limit = Number(query.get("limit") ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) invalid(`Invalid 'limit': integer between 1 and 100 expected, got ${query.get("limit")}.`, "limit");
    const order = query.get("order") ?? "desc";
    if (order != "asc" && order != "desc") invalid(`Invalid 'order': expected 'asc' or 'desc', got '${order}'.`, "order");
    let items = order == "asc" ? stored.input : [...stored.input].reverse();
    const after = query.get("after");
    if (after) items = items.slice(items.findIndex((item) => item.id == after) + 1);
    const data = items.slice(0, limit);
    return { json: { object: "list", data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: items.length > limit } };
  }

  clear(): void {
    this.#stored.clear();
  }

  #find(id: string): Stored {
    const stored = this.#stored.get(id);
    if (!stored) throw notFound(id);
    return stored;
  }

  #view(stored: Stored): Json {
    return stored.status == "finished" ? stored.final : unfinished(stored.final, stored.status);
  }

  #keep(id: string, stored: Stored) {
    this.#stored.set(id, stored);
    if (this.#stored.size <= MAX_STORED) return;
    const oldest = this.#stored.keys().next().value;
    if (oldest !== undefined) this.#stored.delete(oldest);
  }
}

function* eventsAfter(events: Iterator<SseEvent>, after: number): Generator<SseEvent> {
  let sequence = 0;
  for (let next = events.next(); !next.done; next = events.next()) {
    if (sequence > after) yield next.value;
    sequence++;
  }
}
