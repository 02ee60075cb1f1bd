"use strict";
/**
 * Lets the benchmarks require the TypeScript provider-host harness in test/harness, so the engine
 * replay and the gRPC client have one implementation. Transpiling only (no type check) is enough:
 * jest type-checks those files.
 */
const { readFileSync } = require("node:fs");
const ts = require("typescript");

const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };

if (!require.extensions[".ts"]) {
  require.extensions[".ts"] = (module, filename) => {
    const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}

/** require() for a file of test/harness or test/support, by path relative to test/. */
const fromTest = (path) => require(`../test/${path}`);

module.exports = { fromTest };
