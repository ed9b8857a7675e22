import type { Flavor, Refusal } from "./refusals.js";
import type { Answer } from "./responses-store.js";
import { type BodyFaults, type SseEvent } from "./wire.js";
/** A successful answer: a stream when it has events, else JSON (a body stream only when a fault stalls or cuts it). */
export declare function respond(result: Answer, headers: Record<string, string>, faults: BodyFaults): Response;
/** A refusal with its status, its own headers (`retry-after`, …) and a JSON or plain-text body. */
export declare function refusalResponse(refusal: Refusal, flavor: Flavor, serial: number): Response;
/** Chat and completion stream payloads as events: `data:` lines only, no `event:` names. */
export declare function dataEvents(payloads: Iterator<string>): Generator<SseEvent>;
