// Every ```ts snippet of the README compiles as a user would write it: each is its own module importing
// "openai-switch" (the built dist/ through the package's own exports), type-checked by tsc under strict settings.
// The names a snippet takes from the text around it (a `client`, the `messages`, a `signal`…) are declared once,
// with the types the README gives them, in a globals file.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const root = join(import.meta.dirname, "../..");
const dir = join(root, ".tmp/readme-snippets");

const GLOBALS = `import type { ChatMessage, Client } from "openai-switch";
declare global {
  const client: Client;
  const messages: ChatMessage[];
  const signal: AbortSignal;
  const texts: string[];
  const model: string;
  const output: HTMLElement;
  const sink: { write(start: number, embeddings: Float32Array[]): Promise<void> };
  const bar: { update(fraction: number): void };
  const save: (embeddings: Float32Array[], start: number) => Promise<void>;
  let k: number;
  const clientId: string;
  const tenantId: string;
  const apiKey: string;
  const msal: import("@azure/msal-browser").PublicClientApplication;
  const account: import("@azure/msal-browser").AccountInfo;
  function print(text: string): void;
  // Imported by an earlier snippet of the same section.
  const collectCompletion: typeof import("openai-switch").collectCompletion;
  const collectResponse: typeof import("openai-switch").collectResponse;
  const ConnectionError: typeof import("openai-switch").ConnectionError;
}
export {};
`;

/** The ```ts blocks of the README, with the line each starts on. */
function snippets(markdown: string): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    found.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return found;
}

test("every TypeScript snippet in README.md type-checks against the built package", async () => {
  const blocks = snippets(readFileSync(join(root, "README.md"), "utf8"));
  expect(blocks.length).toBeGreaterThan(10);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "snippets"), { recursive: true });
  // The testing section's example app: `import { answer } from "../src/support-bot.ts"`.
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "src/support-bot.ts"), 'export { answer } from "../../../test/fixtures/support-bot.ts";\n');
  writeFileSync(join(dir, "globals.d.ts"), GLOBALS);
  for (const { line, code } of blocks) {
    // A snippet without imports or exports would be a script sharing one scope with the others: make it a module.
    writeFileSync(join(dir, `snippets/line-${line}.ts`), code + "\nexport {};\n");
  }
  const tsconfig = {
    extends: "../../tsconfig.json",
    compilerOptions: { types: ["node"], noEmit: true, declaration: false, isolatedDeclarations: false, noUnusedLocals: false },
    include: ["globals.d.ts", "snippets", "src"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const result = await promisify(execFile)(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { cwd: root }).then(
    () => "",
    (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
  );
  // A failure names the snippet by the README line its block starts on.
  expect(result).toBe("");
}, 120_000);
