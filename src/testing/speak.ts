// What the emulated model says to one call: the test's `reply`, `replyTokens` words of filler, or the default
// echo; cut at the call's token limit, with the finish reason the services would give.
import { filtersOutput } from "./faults.ts";
import type { Spoken } from "./replies.ts";
import { defaultReply, type ReplyRequest, type Said, said } from "./script.ts";
import type { EmulatorOptions, Fault } from "./types.ts";

const FILLER = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"];

/** Says the reply to `request`, cut at `max` tokens; a content-filter `fault` stops the output. */
export type Speak = (request: ReplyRequest, max: number | undefined, fault: Fault | undefined) => Promise<Spoken>;

/** The emulator's speaker. It numbers the tool calls it makes (`call_emu000001`, …) so tests can expect ids. */
export function speaker(options: Pick<EmulatorOptions, "reply" | "replyTokens">): Speak {
  let calls = 0;
  const callId = () => {
    calls += 1;
    return `call_emu${String(calls).padStart(6, "0")}`;
  };
  return async (request, max, fault) => {
    let reply: Said;
    if (options.reply) reply = said(await options.reply(request), callId);
    else if (options.replyTokens) reply = { text: filler(options.replyTokens), toolCalls: [] };
    else reply = defaultReply(request, callId);
    let tokens = reply.text ? reply.text.split(/(?=\s)/) : [];
    const cut = max !== undefined && tokens.length > max;
    if (cut) tokens = tokens.slice(0, max);
    const filtered = filtersOutput(fault);
    const finish = reply.finishReason ??
      (filtered ? "content_filter" : cut ? "length" : reply.toolCalls.length ? "tool_calls" : "stop");
    return { said: reply, tokens, finish, filtered };
  };
}

/** `count` words of lorem ipsum: a reply of a known length in tokens. */
const filler = (count: number) =>
  Array.from({ length: count }, (_, i) => (i ? " " : "") + FILLER[i % FILLER.length]).join("");
