// The scenarios, in the order of a full run (and of results.md). Each: { name, issue, title, full, smoke, apps?(S),
// run(ctx) → section, markdown(section) → lines }. Without `apps` a scenario needs no server (it runs first).
import { chat, embed, embedMany, memory } from "./classic.mjs";
import { corpusCap, corpusRate, corpusRss } from "./corpus.mjs";
import { responses, responsesCreate } from "./responses.mjs";
import { signal } from "./signal.mjs";
import size from "./size.mjs";
import { bigEvent, stream } from "./streams.mjs";

export const SCENARIOS = [size, signal, stream, bigEvent, responses, responsesCreate, chat, embed, embedMany, memory, corpusCap, corpusRate, corpusRss];
