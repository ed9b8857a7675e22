// Measurements in a fresh process: `node --expose-gc worker.mjs '[{"task", ...job}, ...]'` (the full bench gives one
// job per process; the smoke run several). Prints one `RESULT {json}` line per job, in order. A job whose feature
// this build of the library lacks returns { na } (reported as "n/a (feature missing)"); a harness failure { error }.
const TASKS = {
  chat: "classic",
  embed: "classic",
  embedMany: "classic",
  memory: "classic",
  "chat-stream": "streams",
  "big-event": "streams",
  "responses-stream": "responses",
  "responses-create": "responses",
  signal: "signal",
  "corpus-cap": "corpus",
  "corpus-rate": "corpus",
  "corpus-rss": "corpus",
};

const jobs = JSON.parse(process.argv[2]);
for (const job of jobs) {
  let result;
  try {
    const tasks = await import(`./tasks/${TASKS[job.task]}.mjs`);
    result = await tasks[job.task.replace(/-(\w)/g, (_, c) => c.toUpperCase())](job);
  } catch (e) {
    result = { error: String(e?.stack ?? e).split("\n").slice(0, 3).join(" | ") };
  }
  process.stdout.write("RESULT " + JSON.stringify(result) + "\n");
}
process.exit(0);
