import * as path from "path";
import type { Program } from "./engineTypes";

function underDirectory(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith("..") && !path.isAbsolute(relative) && !relative.split(path.sep).includes("node_modules");
}

/** Plain Node: forget the program's own modules (not its dependencies) so the next require runs them again. */
function forgetProgramModules(modulePath: string): void {
  const dir = path.dirname(require.resolve(modulePath));
  for (const file of Object.keys(require.cache)) {
    if (underDirectory(file, dir)) {
      delete require.cache[file];
    }
  }
}

/**
 * A Program that loads `modulePath` afresh on every run, as every `pulumi up` starts a new language host: top-level
 * config reads and resource registrations run again. Under jest this uses jest.isolateModules (jest ignores
 * require.cache), which also reloads @pulumi/pulumi; that is safe because the SDK keeps its runtime state
 * (monitor, config, stack) in globals shared by all copies.
 */
export function programFromFile(modulePath: string): Program {
  return () => {
    if (typeof jest !== "undefined") {
      let exported: unknown;
      jest.isolateModules(() => {
        exported = require(modulePath);
      });
      return exported;
    }
    forgetProgramModules(modulePath);
    return require(modulePath);
  };
}
