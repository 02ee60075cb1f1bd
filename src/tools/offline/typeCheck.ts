import { dirname, join, relative } from "node:path";

/**
 * Type-checks a TypeScript program before it is evaluated offline, as `tsc --noEmit` would with the
 * project's tsconfig.json: a review gate must fail on a program that `pulumi up` could not run,
 * with diagnostics a reviewer can follow (`file:line:column`). `pulumi-livekit-sip` and
 * `@pulumi/pulumi` resolve to the copies that evaluate the program (see sharedModules.ts).
 */

type TypeScript = typeof import("typescript");

function loadTypeScript(fromDir: string): TypeScript {
  try {
    return require(require.resolve("typescript", { paths: [fromDir, __dirname] })) as TypeScript;
  } catch {
    throw new Error("a TypeScript program needs the typescript package: install it in the project, or compile the program and pass the .js file");
  }
}

/** Where the shared packages' types are: this package's entry point and this process's @pulumi/pulumi. */
function sharedPaths(): Record<string, string[]> {
  const ownRoot = join(__dirname, "..", "..");
  const pulumiRoot = dirname(require.resolve("@pulumi/pulumi/package.json"));
  return {
    "pulumi-livekit-sip": [join(ownRoot, "index")],
    "@pulumi/pulumi": [join(pulumiRoot, "index")],
    "@pulumi/pulumi/*": [join(pulumiRoot, "*")],
  };
}

/**
 * Declaration files of installed packages and TypeScript's own libraries, parsed once per process:
 * a diff type-checks two revisions of a program against the same ones.
 */
const installedFiles = new Map<string, import("typescript").SourceFile | undefined>();

function compilerHost(ts: TypeScript, options: import("typescript").CompilerOptions): import("typescript").CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (!fileName.includes("/node_modules/")) return parse(fileName, languageVersion, ...rest);
    const key = `${JSON.stringify(languageVersion)}:${fileName}`;
    if (!installedFiles.has(key)) installedFiles.set(key, parse(fileName, languageVersion, ...rest));
    return installedFiles.get(key);
  };
  return host;
}

/** The program's compile errors as `file:line:column - error TSnnnn: message` lines; none when it compiles. */
export function typeCheckProgram(main: string): string[] {
  const ts = loadTypeScript(dirname(main));
  const dir = dirname(main);
  const configPath = ts.findConfigFile(dir, ts.sys.fileExists, "tsconfig.json");
  let options: import("typescript").CompilerOptions = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, esModuleInterop: true, strict: false };
  if (configPath !== undefined) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (parsed) options = parsed.options;
  }
  const checked = { ...options, noEmit: true, skipLibCheck: true, incremental: false, composite: false, paths: { ...options.paths, ...sharedPaths() } };
  const program = ts.createProgram([main], checked, compilerHost(ts, checked));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error && !d.file?.fileName.includes("/node_modules/"))
    .map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (!d.file || d.start === undefined) return `error TS${d.code}: ${message}`;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${relative(process.cwd(), d.file.fileName)}:${line + 1}:${character + 1} - error TS${d.code}: ${message}`;
    });
}
