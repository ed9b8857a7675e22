// Faults a test queues with `failNext`: each answers the next calls that match its filter, `times` times.
import { contentFilterError, type Flavor, Refusal, statusAnswer } from "./refusals.ts";
import type { Fault, FaultFilter } from "./types.ts";
import type { BodyFaults } from "./wire.ts";

/** The call a fault may apply to. */
export interface Call {
  route: string;
  /** The Azure deployment, or the OpenAI model. */
  deployment?: string;
  provider: Flavor;
}

const KINDS = ["status", "cutAfter", "stallMs", "contentFilter"] as const;

/** The queue of one emulator. */
export class FaultQueue {
  #queue: { fault: Fault; left: number }[] = [];

  add(fault: Fault, times = 1): void {
    const kinds = KINDS.filter((kind) => kind in fault);
    if (kinds.length != 1) throw new TypeError(`failNext: a fault has exactly one of ${KINDS.join(", ")}; got ${kinds.length ? kinds.join(", ") : "none"}`);
    if (!Number.isInteger(times) || times < 1) throw new TypeError(`failNext: times must be a positive integer, got ${times}`);
    this.#queue.push({ fault, left: times });
  }

  /** The first queued fault that matches `call`, used up once. */
  take(call: Call): Fault | undefined {
    const index = this.#queue.findIndex(({ fault }) => matches(fault, call));
    const entry = this.#queue[index];
    if (!entry) return undefined;
    entry.left--;
    if (entry.left == 0) this.#queue.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.#queue.length = 0;
  }
}

const matches = (filter: FaultFilter, call: Call) =>
  (filter.route === undefined || filter.route == call.route) &&
  (filter.deployment === undefined || filter.deployment == call.deployment) &&
  (filter.provider === undefined || filter.provider == call.provider);

/** The error answer a fault asks for, or undefined when it changes the reply instead (cut, stall, filtered output). */
export function faultRefusal(fault: Fault, call: Call, model: string): Refusal | undefined {
  if ("status" in fault) {
    const standard = statusAnswer(call.provider, fault.status, model, call.route);
    const body = fault.body === undefined ? standard.body : fault.body;
    return new Refusal(fault.status, body, { ...standard.headers, ...fault.headers });
  }
  if ("contentFilter" in fault && fault.contentFilter == "prompt") return new Refusal(400, contentFilterError("prompt"));
  return undefined;
}

/** What a fault does to the body of a reply that is sent. */
export function bodyFaults(fault: Fault | undefined): BodyFaults {
  if (fault && "cutAfter" in fault) return { cutAfter: fault.cutAfter };
  if (fault && "stallMs" in fault) return { stallMs: fault.stallMs };
  return {};
}

/** Whether the fault stops the reply's output with the content filter. */
export const filtersOutput = (fault: Fault | undefined): boolean => !!fault && "contentFilter" in fault && fault.contentFilter == "output";
