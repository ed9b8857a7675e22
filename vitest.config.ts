import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Runtime suites (Deno, Bun, workerd, Chromium) have their own runners, started from test/runtimes.test.ts.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
