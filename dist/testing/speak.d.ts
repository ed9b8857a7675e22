import type { Spoken } from "./replies.js";
import { type ReplyRequest } from "./script.js";
import type { EmulatorOptions, Fault } from "./types.js";
/** Says the reply to `request`, cut at `max` tokens; a content-filter `fault` stops the output. */
export type Speak = (request: ReplyRequest, max: number | undefined, fault: Fault | undefined) => Promise<Spoken>;
/** The emulator's speaker. It numbers the tool calls it makes (`call_emu000001`, …) so tests can expect ids. */
export declare function speaker(options: Pick<EmulatorOptions, "reply" | "replyTokens">): Speak;
