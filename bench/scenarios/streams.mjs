// Issue 13: chat streams at the floor's speed. Contenders and what each reads: tasks/streams.mjs; the floor:
// lib/floor.mjs; the server: lib/streams-app.mjs (the emulator's shapes, replayed from memory 64 events a write).
import { interleave } from "../lib/harness.mjs";
import { num, pm, PROVIDER, ratioText, table, target } from "../lib/report.mjs";
import { addRatios, summarize } from "../lib/summary.mjs";

const NAMES = {
  floor: "floor (fetch + TextDecoder + indexOf + JSON.parse)",
  switch: "openai-switch `chatStream`",
  "switch-collect": "openai-switch `collectChat(chatStream)`",
  "switch-parseSSE": "fetch + openai-switch `parseSSE` + JSON.parse",
  openai: "openai SDK `create({ stream: true })`",
  ai: "AI SDK `streamText().textStream`",
};
const LIBRARY = ["floor", "switch", "switch-collect", "switch-parseSSE"];
const SDKS = ["openai", "ai"];
const find = (rows, q) => rows?.find((r) => Object.entries(q).every(([k, v]) => r[k] == v));
const floorOf = (variants) => (v) => variants.findIndex((f) => f.client == "floor" && f.provider == v.provider);
const size = (bytes) => (bytes >= 2 ** 20 ? `${num(bytes / 2 ** 20, 1)} MiB` : `${num(bytes / 1024)} KiB`);
const cell = (r, text) => (r.na ? "n/a (feature missing)" : text);

export const stream = {
  name: "stream",
  issue: 13,
  title: "chatStream CPU per chunk vs the floor, 20 000 chunks, OpenAI and Azure shapes",
  full: { rounds: 41, sdkRounds: 5, tokens: 20_000, warmupTokens: 500 },
  smoke: { rounds: 1, sdkRounds: 1, tokens: 300, warmupTokens: 20 },
  apps: () => ({ streams: { kind: "streams" } }),
  async run({ S, smoke, urls, errors }) {
    const variants = [];
    for (const provider of ["openai", "azure"]) {
      for (const client of LIBRARY) variants.push({ client, provider, tokens: S.tokens, warmupTokens: S.warmupTokens, url: urls.streams });
      for (const client of SDKS) variants.push({ client, provider, tokens: S.tokens, warmupTokens: S.warmupTokens, url: urls.streams, rounds: S.sdkRounds });
    }
    const runs = await interleave("chat-stream", variants, S.rounds, { smoke });
    const rows = summarize("stream", variants, runs, errors);
    addRatios(rows, runs, variants, "cpuUsPerChunk", floorOf(variants));
    const targets = [];
    for (const provider of ["openai", "azure"]) {
      const r = find(rows, { client: "switch", provider });
      targets.push(target(13, `chatStream CPU per chunk vs floor (${provider})`, r?.vsFloor?.median, "≤ 1.10×", r?.vsFloor?.median <= 1.1, { na: r?.na }));
    }
    for (const provider of ["openai", "azure"]) {
      const r = find(rows, { client: "switch-parseSSE", provider });
      targets.push(target(13, `parseSSE + JSON.parse CPU per chunk vs floor (${provider})`, r?.vsFloor?.median, "(context)", undefined, { na: r?.na }));
      const c = find(rows, { client: "switch-collect", provider });
      targets.push(target(13, `collectChat(chatStream) CPU per chunk vs floor (${provider})`, c?.vsFloor?.median, "(context)", undefined, { na: c?.na }));
    }
    return { rows, figures: ["cpuUsPerChunk", "chunksPerSec"], targets };
  },
  markdown(s) {
    const { tokens, warmupTokens, rounds, sdkRounds } = s.settings;
    return [
      `## Chat streams (#13): one stream of ${num(tokens)} content chunks, client CPU per chunk (after a ${warmupTokens}-chunk warm-up)`,
      "",
      `${rounds} round(s) (the SDKs: ${sdkRounds}), each contender in a fresh process per round, in rotated order; "× floor" is the median of each round's ratio to the floor of the same provider, with its IQR and range. ` +
        "Per chunk = client CPU / chunks the server sent (OpenAI: a role chunk, the content chunks, a finish chunk; Azure also its opening `choices: []` filter chunk). Every contender's text is checked character for character.",
      "",
      table(
        ["client", "provider", "chunks/s", "client CPU µs/chunk", "CPU × floor"],
        s.rows.map((r) => [NAMES[r.client], PROVIDER[r.provider], cell(r, `${num(r.chunksPerSec)} ${pm(r.spread.chunksPerSec)}`), cell(r, `${num(r.cpuUsPerChunk, 2)} ${pm(r.spread.cpuUsPerChunk)}`), cell(r, r.client == "floor" ? "1.00×" : ratioText(r.vsFloor))]),
      ),
      "",
      "The floor: `fetch`, one `TextDecoder`, `indexOf(\"\\n\\n\")` over each read's text, `JSON.parse` of each event's `data:` line, all in one synchronous pass per read (lib/floor.mjs). It relies on the bench server's exact framing, which no real client may: it is the least a client can do.",
    ];
  },
};

export const bigEvent = {
  name: "big-event",
  issue: 13,
  title: "one 10 MB chat event: client CPU vs the floor",
  full: { rounds: 21, bytes: 10 * 2 ** 20, dropAbove: 10 },
  smoke: { rounds: 1, bytes: 2 ** 17, dropAbove: 10 },
  apps: () => ({ streams: { kind: "streams" } }),
  async run({ S, smoke, urls, errors }) {
    const variants = ["floor", "switch", "switch-parseSSE"].map((client) => ({ client, provider: "openai", bytes: S.bytes, url: urls.streams }));
    // A parser that is quadratic in the event's length takes seconds a run: after 3 rounds, one far above the floor stops.
    const drop = (i, runs) => {
      const ratios = runs[i].map((r, round) => r?.cpuMs / runs[0][round]?.cpuMs).filter(Number.isFinite).sort((a, b) => a - b);
      return i > 0 && ratios.length >= 3 && ratios[ratios.length >> 1] > S.dropAbove;
    };
    const runs = await interleave("big-event", variants, S.rounds, { smoke, drop, timeoutMs: 120_000 });
    const rows = summarize("big-event", variants, runs, errors);
    addRatios(rows, runs, variants, "cpuMs", () => 0);
    for (const row of rows) row.stoppedEarly = row.runs.length < S.rounds && !smoke;
    const r = find(rows, { client: "switch" });
    const p = find(rows, { client: "switch-parseSSE" });
    return {
      rows,
      figures: ["cpuMs", "wallMs"],
      targets: [
        target(13, `one ${size(S.bytes)} event: chatStream CPU vs floor`, r?.vsFloor?.median, "≤ 2×", r?.vsFloor?.median <= 2),
        target(13, `one ${size(S.bytes)} event: parseSSE + JSON.parse CPU vs floor`, p?.vsFloor?.median, "(context)", undefined),
      ],
    };
  },
  markdown(s) {
    const { bytes, dropAbove } = s.settings;
    return [
      `## One large chat event (#13): ${num(bytes)} bytes of content in one \`data:\` line, written 64 KiB at a time`,
      "",
      table(
        ["client", "client CPU ms", "wall ms", "CPU × floor", "rounds"],
        s.rows.map((r) => [NAMES[r.client], `${num(r.cpuMs)} ${pm(r.spread.cpuMs)}`, `${num(r.wallMs)} ${pm(r.spread.wallMs)}`, r.client == "floor" ? "1.00×" : ratioText(r.vsFloor), `${r.runs.length}${r.stoppedEarly ? ` (stopped: median > ${dropAbove}× after 3)` : ""}`]),
      ),
      "",
      "The floor keeps the unfinished event as a list of pieces and joins them once when its blank line arrives (one scan, one copy), then `JSON.parse`. CPU is the whole request's, in a fresh process after a 64 KiB warm-up event.",
    ];
  },
};
