// An answer or a refusal as the HTTP response the services send: JSON or a server-sent event stream, with the
// call's headers and the body faults a test asked for.
import { responseHeaders } from "./headers.ts";
import type { Flavor, Refusal } from "./refusals.ts";
import type { Answer } from "./responses-store.ts";
import { type BodyFaults, jsonBody, type SseEvent, sseBody } from "./wire.ts";

/** A successful answer: a stream when it has events, else JSON (a body stream only when a fault stalls or cuts it). */
export function respond(result: Answer, headers: Record<string, string>, faults: BodyFaults): Response {
  if ("events" in result) {
    return new Response(sseBody(result.events, faults), {
      headers: { ...headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
    });
  }
  const stream = jsonBody(result.json, faults);
  return stream
    ? new Response(stream, { headers: { ...headers, "content-type": "application/json" } })
    : Response.json(result.json, { headers });
}

/** A refusal with its status, its own headers (`retry-after`, …) and a JSON or plain-text body. */
export function refusalResponse(refusal: Refusal, flavor: Flavor, serial: number): Response {
  const headers = { ...responseHeaders(flavor, serial), ...refusal.headers };
  if (typeof refusal.body == "string") return new Response(refusal.body, { status: refusal.status, headers });
  return Response.json(refusal.body, { status: refusal.status, headers });
}

/** Chat and completion stream payloads as events: `data:` lines only, no `event:` names. */
export function* dataEvents(payloads: Iterator<string>): Generator<SseEvent> {
  for (let next = payloads.next(); !next.done; next = payloads.next()) yield { data: next.value };
}
