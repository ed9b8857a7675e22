// The esbuild options of dist/'s bundles, shared by scripts/build.mjs and the tests that bundle the emulator's
// command themselves (test/emulator-cli.test.ts), so both bundle it the same way.

/** One ESM bundle per entry: the client and `openai-switch/testing`, runtime-neutral. */
export const LIBRARY = {
  entryPoints: { mod: "src/mod.ts", testing: "src/testing.ts" },
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  splitting: false,
  legalComments: "none",
  logLevel: "warning",
};

/**
 * cli.ts takes the emulator from "../testing.ts" and nothing else from src/: in the bundle that import becomes
 * "./testing.js", the testing bundle next to cli.js, rather than a second copy of the whole emulator. Any other
 * relative import fails the build, since it would bundle part of the emulator again.
 */
const testingNextToCli = {
  name: "testing-next-to-cli",
  setup(build) {
    build.onResolve({ filter: /^\./ }, ({ path, importer, kind }) => {
      if (kind == "entry-point") return undefined;
      if (path == "../testing.ts") return { path: "./testing.js", external: true };
      return { errors: [{ text: `${importer} imports ${path}: take it from "../testing.ts" instead` }] };
    });
  },
};

/** The emulator's command (package.json "bin"): for Node, its shebang kept from the source. */
export const CLI = {
  entryPoints: { cli: "src/testing/cli.ts" },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
  plugins: [testingNextToCli],
};
