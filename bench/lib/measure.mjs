// What a worker measures: its own CPU (process.cpuUsage: every thread of this process, GC included), wall time,
// and peak RSS (VmHWM).
import { readFileSync } from "node:fs";
import { distModule } from "./harness.mjs";

/** Runs `body` after a full GC and returns its value, client CPU (µs) and wall time (ms). */
export async function measure(body) {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await body();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuUs: cpu.user + cpu.system };
}

/** The process's peak resident set so far, in MB (10^6 bytes). */
export function peakRssMB() {
  try {
    const kB = +/VmHWM:\s*(\d+)\s*kB/.exec(readFileSync("/proc/self/status", "utf8"))[1];
    return (kB * 1024) / 1e6;
  } catch {
    return (process.resourceUsage().maxRSS * 1024) / 1e6;
  }
}

/** The built library (dist/mod.js): its exports, so that a task can tell which features this build has. */
export const library = () => distModule("mod.js");

/** A short text for a failure the contender itself met (expected for some), not a harness error. */
export const failureText = (e) => `${e?.constructor?.name ?? "Error"}: ${String(e?.message ?? e).split("\n")[0].slice(0, 200)}`;
