import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { parse } from "yaml";
import { withSharedModules } from "./sharedModules";

export interface ProgramLocation {
  /** The module to run. */
  main: string;
  /** The directory of the project's Pulumi.yaml (where Pulumi.<stack>.yaml files live), if any. */
  projectDir?: string;
  /** The project name from Pulumi.yaml; it is the namespace of the program's config. */
  project?: string;
}

function findProjectDir(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "Pulumi.yaml"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function moduleIn(path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) return path;
  const index = ["index.ts", "index.js"].map((file) => join(path, file)).find(existsSync);
  if (!index) throw new Error(`${path} has no index.ts or index.js`);
  return index;
}

/** Finds the program a path means: a program file, or a project directory whose Pulumi.yaml names it (`main`). */
export function locateProgram(path: string): ProgramLocation {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new Error(`${path} does not exist`);
  const isDir = statSync(absolute).isDirectory();
  const projectDir = findProjectDir(isDir ? absolute : dirname(absolute));
  const settings = projectDir ? (parse(readFileSync(join(projectDir, "Pulumi.yaml"), "utf8")) as { name?: string; main?: string } | null) : null;
  const main = isDir ? moduleIn(join(absolute, absolute === projectDir && settings?.main ? settings.main : ".")) : absolute;
  return { main, projectDir, project: settings?.name };
}

/**
 * Lets `require` load TypeScript the way Pulumi's Node runtime does for `.ts` programs, by
 * transpiling (no type check) with the `typescript` package of the program's project.
 */
function registerTypeScript(fromDir: string): void {
  if (require.extensions[".ts"]) return;
  let ts: typeof import("typescript");
  try {
    ts = require(require.resolve("typescript", { paths: [fromDir, __dirname] }));
  } catch {
    throw new Error("a TypeScript program needs the typescript package: install it in the project, or compile the program and pass the .js file");
  }
  require.extensions[".ts"] = (module, filename) => {
    const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    (module as unknown as { _compile(code: string, file: string): void })._compile(outputText, filename);
  };
}

/**
 * Pulumi runs a program once per process, but a diff evaluates one twice (two configs): its own
 * modules (not its dependencies) must run again rather than come from the module cache.
 */
function forgetModulesUnder(dir: string): void {
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(dir + sep) && !file.includes(`${sep}node_modules${sep}`)) delete require.cache[file];
  }
}

/** A function that loads (and so runs) the program module, for `evaluateProgram`. */
export function programModule(main: string): () => unknown {
  return () => {
    if (/\.[cm]?ts$/.test(main)) registerTypeScript(dirname(main));
    forgetModulesUnder(dirname(main));
    return withSharedModules(() => require(main));
  };
}
