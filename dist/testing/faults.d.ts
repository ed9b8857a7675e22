import { type Flavor, Refusal } from "./refusals.js";
import type { Fault } from "./types.js";
import type { BodyFaults } from "./wire.js";
/** The call a fault may apply to. */
export interface Call {
    route: string;
    /** The Azure deployment, or the OpenAI model. */
    deployment?: string;
    provider: Flavor;
    /** Azure's api-version ("v1" on v1 routes), for the words of its 429. */
    apiVersion?: string;
}
/** The queue of one emulator. */
export declare class FaultQueue {
    #private;
    add(fault: Fault, times?: number): void;
    /** The first queued fault that matches `call`, used up once. */
    take(call: Call): Fault | undefined;
    clear(): void;
}
/** The error answer a fault asks for, or undefined when it changes the reply instead (cut, stall, filtered output). */
export declare function faultRefusal(fault: Fault, call: Call, model: string): Refusal | undefined;
/** What a fault does to the body of a reply that is sent. */
export declare function bodyFaults(fault: Fault | undefined): BodyFaults;
/** Whether the fault stops the reply's output with the content filter. */
export declare const filtersOutput: (fault: Fault | undefined) => boolean;
