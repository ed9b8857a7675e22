import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // `npm test` (scripts/test-all.mjs) runs this suite under Node, Deno and Bun, and the runtime suites in
    // test/runtimes/ (Chromium, Deno tooling, workerd) once each; a bare `npx vitest run` runs everything in Node.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
