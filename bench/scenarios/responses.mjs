// Issue 11: the Responses API, stream and create, against the bench's stream server (OpenAI's `/v1/responses` and
// Azure's dated `/openai/responses?api-version=2025-04-01-preview`). Contenders: tasks/responses.mjs.
import { interleave } from "../lib/harness.mjs";
import { num, pm, PROVIDER, ratioText, table, target } from "../lib/report.mjs";
import { addRatios, summarize } from "../lib/summary.mjs";

const NAMES = {
  floor: "floor (fetch + TextDecoder + indexOf + JSON.parse)",
  switch: "openai-switch `responses.stream`",
  "switch-collect": "openai-switch `collectResponse(responses.stream)`",
  "openai-stream": "openai SDK `responses.stream`",
  "openai-create-stream": "openai SDK `responses.create({ stream: true })`",
};
const CREATE_NAMES = { floor: "raw fetch + `res.json()` + output_text", switch: "openai-switch `responses.create`", openai: "openai SDK `responses.create`" };
const find = (rows, q) => rows?.find((r) => Object.entries(q).every(([k, v]) => r[k] == v));
const floorOf = (variants) => (v) => variants.findIndex((f) => f.client == "floor" && f.provider == v.provider);
const cell = (r, text) => (r.na ? "n/a (feature missing)" : text);
const PROVIDERS = ["openai", "azure"];

export const responses = {
  name: "responses",
  issue: 11,
  title: "a 20 000-event Responses stream: client CPU per event vs the floor",
  full: { rounds: 41, sdkRounds: 5, events: 20_000, warmupEvents: 500 },
  smoke: { rounds: 1, sdkRounds: 1, events: 300, warmupEvents: 30 },
  apps: () => ({ streams: { kind: "streams" } }),
  async run({ S, smoke, urls, errors }) {
    const variants = [];
    for (const provider of PROVIDERS) {
      for (const client of ["floor", "switch", "switch-collect"]) variants.push({ client, provider, events: S.events, warmupEvents: S.warmupEvents, url: urls.streams });
      for (const client of ["openai-stream", "openai-create-stream"]) variants.push({ client, provider, events: S.events, warmupEvents: S.warmupEvents, url: urls.streams, rounds: S.sdkRounds });
    }
    const runs = await interleave("responses-stream", variants, S.rounds, { smoke });
    const rows = summarize("responses", variants, runs, errors);
    addRatios(rows, runs, variants, "cpuUsPerEvent", floorOf(variants));
    const targets = [];
    for (const provider of PROVIDERS) {
      const r = find(rows, { client: "switch", provider });
      targets.push(target(11, `responses.stream CPU per event vs floor (${provider})`, r?.vsFloor?.median, "≤ 1.15×", r?.vsFloor?.median <= 1.15, { na: r?.na }));
    }
    for (const provider of PROVIDERS) {
      const r = find(rows, { client: "openai-stream", provider });
      targets.push(target(11, `openai SDK responses.stream CPU per event vs floor (${provider})`, r?.vsFloor?.median, "(context)", undefined));
    }
    return { rows, figures: ["cpuUsPerEvent", "eventsPerSec"], targets };
  },
  markdown(s) {
    const { events, warmupEvents, rounds, sdkRounds } = s.settings;
    return [
      `## Responses streams (#11): one stream of ${num(events)} events, client CPU per event (after a ${warmupEvents}-event warm-up)`,
      "",
      `The events of one message as both services send them (\`response.created\`, \`in_progress\`, \`output_item.added\`, \`content_part.added\`, ${num(events - 8)} × \`output_text.delta\` with \`obfuscation\`, the three \`done\` events, \`response.completed\` with the whole response; Azure's with \`content_filters\`), \`event:\` + \`data:\` lines. ` +
        `OpenAI at \`/v1/responses\`; Azure at the dated form \`/openai/responses?api-version=2025-04-01-preview\` (the one the openai SDK's \`AzureOpenAI\` builds). ${rounds} round(s) (the SDK: ${sdkRounds}), fresh processes, rotated; "× floor" is the median of each round's ratio with its IQR and range.`,
      "",
      table(
        ["client", "provider", "events/s", "client CPU µs/event", "CPU × floor"],
        s.rows.map((r) => [NAMES[r.client], PROVIDER[r.provider], cell(r, `${num(r.eventsPerSec)} ${pm(r.spread.eventsPerSec)}`), cell(r, `${num(r.cpuUsPerEvent, 2)} ${pm(r.spread.cpuUsPerEvent)}`), cell(r, r.client == "floor" ? "1.00×" : ratioText(r.vsFloor))]),
      ),
      "",
      "The openai SDK's `responses.stream` also accumulates the final response as it goes (its `finalResponse()`); `create({ stream: true })` only parses. The floor stops at `response.completed`.",
    ];
  },
};

export const responsesCreate = {
  name: "responses-create",
  issue: 11,
  title: "responses.create: client CPU per request vs raw fetch",
  full: { rounds: 5, calls: 500, warmup: 50 },
  smoke: { rounds: 1, calls: 10, warmup: 2 },
  apps: () => ({ streams: { kind: "streams" } }),
  async run({ S, smoke, urls, errors }) {
    const variants = PROVIDERS.flatMap((provider) => ["floor", "switch", "openai"].map((client) => ({ client, provider, calls: S.calls, warmup: S.warmup, url: urls.streams })));
    const runs = await interleave("responses-create", variants, S.rounds, { smoke });
    const rows = summarize("responses-create", variants, runs, errors);
    addRatios(rows, runs, variants, "cpuUsPerCall", floorOf(variants));
    return {
      rows,
      figures: ["cpuUsPerCall", "callsPerSec"],
      targets: PROVIDERS.map((provider) => {
        const r = find(rows, { client: "switch", provider });
        return target(11, `responses.create CPU per request vs raw fetch (${provider})`, r?.vsFloor?.median, "≤ 1.15×", r?.vsFloor?.median <= 1.15, { na: r?.na });
      }),
    };
  },
  markdown(s) {
    return [
      `## responses.create (#11): ${num(s.settings.calls)} sequential calls after ${s.settings.warmup} warm-up calls`,
      "",
      table(
        ["client", "provider", "requests/s", "client CPU µs/request", "CPU × raw"],
        s.rows.map((r) => [CREATE_NAMES[r.client], PROVIDER[r.provider], cell(r, `${num(r.callsPerSec)} ${pm(r.spread.callsPerSec)}`), cell(r, `${num(r.cpuUsPerCall)} ${pm(r.spread.cpuUsPerCall)}`), cell(r, r.client == "floor" ? "1.00×" : ratioText(r.vsFloor))]),
      ),
      "",
      "Each reply is a completed response of 20 words; raw fetch computes `output_text` as the SDKs do (every `output_text` part of every `message` item).",
    ];
  },
};
