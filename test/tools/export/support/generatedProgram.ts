import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

const root = join(__dirname, "..", "..", "..", "..");

/**
 * Type-checks a generated program as a user's project would compile it (strict), with
 * `pulumi-livekit-sip` mapped to this repository's sources. Returns the diagnostics as text.
 */
export function typeCheckProgram(source: string, name: string): string[] {
  const dir = join(root, ".fixtures", "typecheck", name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "index.ts");
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
    baseUrl: root,
    paths: { "pulumi-livekit-sip": ["dist/index.d.ts"] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** The program as Pulumi's Node runtime would run it, written next to an installed copy of the package. */
export function writeRunnableProgram(source: string, projectDir: string, name: string): string {
  const dir = join(projectDir, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "index.js");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  writeFileSync(file, outputText);
  return file;
}
