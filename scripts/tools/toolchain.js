// The real tools behind the tests and `npm run up:local`: a supported Node.js, the Pulumi CLI with
// its Node.js language host and dynamic-provider plugin, and (for the differential tests) LiveKit's
// server with Redis. Each is taken from the machine when it is there and recent enough, otherwise
// built or installed once into the ignored .tools/ folder at the version pinned in versions.json.
// Only the npm registry, the Go module proxy and Debian's packages are used: nothing else is
// reachable on our CI machines.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const versions = require("./versions.json");

const root = path.join(__dirname, "..", "..");
const toolsDir = process.env.LIVEKIT_SIP_TOOLS_DIR || path.join(root, ".tools");

class ToolError extends Error {}

function log(message) {
  process.stderr.write(`tools: ${message}\n`);
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  return 0;
}

/** The first executable called `name` on PATH, or undefined. */
function which(name, searchPath = process.env.PATH || "") {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new ToolError(`${cmd} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout || ""}${result.stderr || ""}`.trim().split("\n").slice(-15).join("\n");
    throw new ToolError(`${cmd} ${args.join(" ")} failed (exit ${result.status}):\n${output}`);
  }
  return result.stdout || "";
}

/** Builds into a temporary sibling and renames it into place, so an interrupted install is never taken for a finished one. */
function installAtomically(finalDir, build) {
  if (fs.existsSync(finalDir)) return finalDir;
  fs.mkdirSync(path.dirname(finalDir), { recursive: true });
  const temp = `${finalDir}.partial-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  fs.mkdirSync(temp, { recursive: true });
  try {
    build(temp);
    try {
      fs.renameSync(temp, finalDir);
    } catch (err) {
      // Another process finished the same install first; its copy is as good as ours.
      if (!fs.existsSync(finalDir)) throw err;
      fs.rmSync(temp, { recursive: true, force: true });
    }
  } catch (err) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  return finalDir;
}

// ---------------------------------------------------------------------------------------------
// Node.js

/** A bin directory holding a Node.js that @pulumi/pulumi supports. */
function ensureNode() {
  const wanted = versions.node.version;
  const major = Number(wanted.split(".")[0]);
  if (Number(process.versions.node.split(".")[0]) >= major) return path.dirname(process.execPath);
  const onPath = which("node");
  if (onPath) {
    const version = spawnSync(onPath, ["--version"], { encoding: "utf8" }).stdout.trim().replace(/^v/, "");
    if (Number(version.split(".")[0]) >= major) return path.dirname(onPath);
  }
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(toolsDir, `node-${wanted}`);
  if (!fs.existsSync(path.join(dir, "bin", "node"))) {
    log(`installing Node.js ${wanted} from the npm registry package ${pkg} into .tools/ (once; this machine has Node ${process.versions.node}, @pulumi/pulumi needs ${major} or later)`);
    installAtomically(dir, (temp) => {
      const tarball = run("npm", ["pack", `${pkg}@${wanted}`, "--silent", "--pack-destination", temp], { cwd: temp }).trim().split("\n").pop();
      run("tar", ["xzf", path.join(temp, tarball), "-C", temp, "--strip-components=1", "package/bin/node"]);
      fs.rmSync(path.join(temp, tarball));
    });
  }
  return path.join(dir, "bin");
}

// ---------------------------------------------------------------------------------------------
// Go builds

function goEnv() {
  // CGO off as in Pulumi's and LiveKit's releases; GOWORK off so a user's workspace cannot leak in.
  return { ...process.env, CGO_ENABLED: "0", GOWORK: "off", GOFLAGS: "-mod=mod" };
}

function requireGo(what) {
  if (!which("go")) {
    throw new ToolError(`${what} Go is not installed either, so it cannot be built here.`);
  }
}

/** The replace directives of a module's go.mod that point at other modules (not local paths). */
function moduleReplaces(modulePath, version, env) {
  const info = JSON.parse(run("go", ["mod", "download", "-json", `${modulePath}@v${version}`], { env, cwd: os.tmpdir() }));
  const goMod = fs.readFileSync(info.GoMod, "utf8");
  const replaces = [];
  for (const match of goMod.matchAll(/^replace\s+(\S+)(?:\s+\S+)?\s+=>\s+(\S+)\s+(\S+)\s*$/gm)) {
    if (!match[2].startsWith(".")) replaces.push(`${match[1]} => ${match[2]} ${match[3]}`);
  }
  return replaces;
}

/**
 * Builds one main package through a throwaway wrapper module that requires the pinned modules,
 * because `go install pkg@version` refuses modules whose go.mod has replace directives.
 */
function goBuild({ name, requires, replaces = [], pkg, source, output, tags = [], ldflags = "" }) {
  const env = goEnv();
  const work = path.join(toolsDir, "build", name);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const goMod = [
    `module pulumi-livekit-sip/tools/${name}`,
    "",
    "go 1.18",
    "",
    ...Object.entries(requires).map(([mod, version]) => `require ${mod} v${version}`),
    ...replaces.map((line) => `replace ${line}`),
    "",
  ].join("\n");
  fs.writeFileSync(path.join(work, "go.mod"), goMod);
  if (source) {
    // A main package of this repository (scripts/tools/<folder>), built against the pinned modules.
    for (const file of fs.readdirSync(source).filter((f) => f.endsWith(".go"))) fs.copyFileSync(path.join(source, file), path.join(work, file));
  } else {
    fs.writeFileSync(path.join(work, "tools.go"), `//go:build tools\n\npackage tools\n\nimport _ "${pkg}"\n`);
  }
  run("go", ["mod", "tidy"], { cwd: work, env });
  const args = ["build", "-o", output];
  if (tags.length) args.push("-tags", tags.join(","));
  if (ldflags) args.push("-ldflags", ldflags);
  run("go", [...args, source ? "." : pkg], { cwd: work, env });
}

// ---------------------------------------------------------------------------------------------
// Pulumi

function pulumiVersionOf(binary) {
  const out = spawnSync(binary, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
  const match = /v?(\d+\.\d+\.\d+)/.exec(out.stdout || "");
  return out.status === 0 && match ? match[1] : undefined;
}

/** The dynamic-provider plugin is a script inside @pulumi/pulumi; the CLI finds it on PATH. */
function dynamicProviderPlugin() {
  const script = path.join(root, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs");
  if (!fs.existsSync(script)) throw new ToolError(`${script} is missing: run \`npm ci\` first.`);
  return script;
}

/**
 * A bin directory with `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`.
 * A Pulumi installed on the machine wins when it is recent enough (its installer ships the
 * language host beside it); otherwise the pinned version is built once from the Go module proxy.
 */
function ensurePulumi() {
  const pins = versions.pulumi;
  const lang = versions.pulumiLanguageNodejs;
  const installed = process.env.LIVEKIT_SIP_BUILD_PULUMI ? undefined : which("pulumi");
  if (installed) {
    const version = pulumiVersionOf(installed);
    const dir = path.dirname(installed);
    if (version && compareVersions(version, pins.minimumOnPath) >= 0 && which("pulumi-language-nodejs", dir)) {
      return { binDir: dir, version, source: installed, built: false };
    }
  }
  const dir = path.join(toolsDir, `pulumi-${pins.version}-nodejs-${lang.version}`);
  const bin = path.join(dir, "bin");
  if (!fs.existsSync(path.join(bin, "pulumi"))) {
    requireGo(
      `The Pulumi CLI ${pins.minimumOnPath} or later is not on PATH. Install it (https://www.pulumi.com/docs/install/), or install Go 1.26+ and run this again to build v${pins.version}.`,
    );
    log(`building the Pulumi CLI v${pins.version} and its Node.js language host (sdk v${lang.version}) from the Go module proxy into .tools/ (once; 3–15 minutes)`);
    installAtomically(dir, (temp) => {
      const env = goEnv();
      goBuild({
        name: `pulumi-${pins.version}`,
        requires: { "github.com/pulumi/pulumi/pkg/v3": pins.version, "github.com/pulumi/pulumi/sdk/v3": pins.version },
        replaces: moduleReplaces("github.com/pulumi/pulumi/pkg/v3", pins.version, env),
        pkg: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
        output: path.join(temp, "bin", "pulumi"),
        tags: ["osusergo", "grpcnotrace"],
        ldflags: `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${pins.version}`,
      });
      goBuild({
        name: `pulumi-language-nodejs-${lang.version}`,
        requires: { [lang.module]: lang.version },
        replaces: moduleReplaces(lang.module, lang.version, env),
        pkg: lang.package,
        output: path.join(temp, "bin", "pulumi-language-nodejs"),
        ldflags: `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${lang.version}`,
      });
    });
  }
  const plugin = path.join(bin, "pulumi-resource-pulumi-nodejs");
  if (!fs.existsSync(plugin)) fs.symlinkSync(dynamicProviderPlugin(), plugin);
  return { binDir: bin, version: pins.version, source: dir, built: true };
}

// ---------------------------------------------------------------------------------------------
// Python and YAML programs

/**
 * Puts a language host we built beside the CLI we built: the CLI looks for its bundled language
 * hosts next to its own resolved path and warns ("using … from $PATH") when the one on PATH
 * resolves elsewhere. A hard link (a copy across file systems), not a symlink, so it holds however
 * .tools/ is reached (a symlinked folder, another checkout).
 */
function linkBesideCli(pulumi, binary) {
  if (!pulumi.built) return path.dirname(binary);
  const link = path.join(pulumi.binDir, path.basename(binary));
  let same = false;
  try {
    // lstat: an earlier symlink is replaced too.
    const [a, b] = [fs.lstatSync(link), fs.statSync(binary)];
    same = a.ino === b.ino && a.dev === b.dev;
  } catch {
    // not there yet
  }
  if (!same) {
    fs.rmSync(link, { force: true });
    try {
      fs.linkSync(binary, link);
    } catch {
      fs.copyFileSync(binary, link);
      fs.chmodSync(link, 0o755);
    }
  }
  return pulumi.binDir;
}

/** The module's own file inside Go's module cache (the exec script is part of the sdk module). */
function moduleFile(modulePath, version, file, env) {
  const info = JSON.parse(run("go", ["mod", "download", "-json", `${modulePath}@v${version}`], { env, cwd: os.tmpdir() }));
  return path.join(info.Dir, file);
}

/** A bin directory with `pulumi-language-python` and the `pulumi-language-python-exec` script it runs programs with. */
function ensurePythonHost(pulumi) {
  const pin = versions.pulumiLanguagePython;
  if (!pulumi.built && which("pulumi-language-python", pulumi.binDir)) return pulumi.binDir;
  const dir = path.join(toolsDir, `pulumi-language-python-${pin.version}`);
  const binary = path.join(dir, "bin", "pulumi-language-python");
  if (!fs.existsSync(binary)) {
    requireGo(`The Python language host (sdk v${pin.version}) is not built yet (.tools/), and`);
    log(`building the Python language host (sdk v${pin.version}) from the Go module proxy into .tools/ (once; about a minute)`);
    installAtomically(dir, (temp) => {
      const env = goEnv();
      goBuild({
        name: `pulumi-language-python-${pin.version}`,
        requires: { [pin.module]: pin.version },
        replaces: moduleReplaces(pin.module, pin.version, env),
        pkg: pin.package,
        output: path.join(temp, "bin", "pulumi-language-python"),
        ldflags: `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${pin.version}`,
      });
      const exec = path.join(temp, "bin", "pulumi-language-python-exec");
      fs.copyFileSync(moduleFile(pin.module, pin.version, pin.execScript, env), exec);
      fs.chmodSync(exec, 0o755);
    });
  }
  linkBesideCli(pulumi, path.join(dir, "bin", "pulumi-language-python-exec"));
  return linkBesideCli(pulumi, binary);
}

/**
 * The Python code generator behind `pulumi package gen-sdk --language python`: a host of ours
 * (scripts/tools/python-codegen) that calls Pulumi's generator at the CLI's version. Kept off PATH,
 * where the host that runs programs is; scripts/generate-python-sdk.js puts it first for that command.
 */
function ensurePythonCodegen() {
  const { version } = versions.pulumi;
  const source = path.join(__dirname, "python-codegen");
  // The folder is named after the source too, so an edited generator host is built again.
  const hash = require("node:crypto").createHash("sha256");
  for (const file of fs.readdirSync(source).sort()) hash.update(file).update(fs.readFileSync(path.join(source, file)));
  const dir = path.join(toolsDir, `pulumi-python-codegen-${version}-${hash.digest("hex").slice(0, 8)}`);
  const binary = path.join(dir, "bin", "pulumi-language-python");
  if (!fs.existsSync(binary)) {
    requireGo(`Pulumi's Python code generator (v${version}) is not built yet (.tools/), and`);
    log(`building Pulumi's Python code generator v${version} (scripts/tools/python-codegen) into .tools/ (once; about a minute)`);
    installAtomically(dir, (temp) => {
      const env = goEnv();
      goBuild({
        name: `pulumi-python-codegen-${version}`,
        requires: { "github.com/pulumi/pulumi/pkg/v3": version, "github.com/pulumi/pulumi/sdk/v3": version },
        replaces: moduleReplaces("github.com/pulumi/pulumi/pkg/v3", version, env),
        source,
        output: path.join(temp, "bin", "pulumi-language-python"),
        tags: ["osusergo", "grpcnotrace"],
        ldflags: `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`,
      });
    });
  }
  return path.dirname(binary);
}

function pythonVersionOf(binary) {
  const out = spawnSync(binary, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

/**
 * A virtualenv with the pinned `pulumi` SDK from PyPI, made once with the machine's Python 3. Its
 * bin directory goes first on PATH: the language host runs programs with the `python3` it finds
 * there. The venv is made in place (its scripts name their own path) and counts once its stamp is written.
 */
function ensurePythonSdk() {
  const pin = versions.pythonSdk;
  const python = which("python3");
  const found = python && pythonVersionOf(python);
  if (!found || compareVersions(found, pin.minimumPython) < 0) {
    throw new ToolError(`Python ${pin.minimumPython} or later is needed for the Python examples and is not on PATH as python3${found ? ` (found ${found})` : ""}: install it (Debian: apt-get install python3 python3-venv), then run this again.`);
  }
  const dir = path.join(toolsDir, `python-pulumi-${pin.version}`);
  const stamp = path.join(dir, ".installed");
  if (!fs.existsSync(stamp)) {
    log(`making a Python ${found} virtualenv with pulumi ${pin.version} from PyPI in .tools/ (once; about 30 seconds)`);
    fs.rmSync(dir, { recursive: true, force: true });
    try {
      run(python, ["-m", "venv", dir]);
      const pip = [path.join(dir, "bin", "python"), "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-q"];
      run(pip[0], [...pip.slice(1), `pulumi==${pin.version}`, `setuptools==${pin.setuptools}`]);
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      if (err instanceof ToolError && /ensurepip|venv/.test(err.message)) {
        throw new ToolError(`${err.message}\nPython's venv module is missing: install it (Debian: apt-get install python3-venv), then run this again.`);
      }
      throw err;
    }
    fs.writeFileSync(stamp, `pulumi==${pin.version}\n`);
  }
  return path.join(dir, "bin");
}

/** `pulumi-language-yaml`, built once from the Go module proxy. */
function ensureYamlHost(pulumi) {
  const pin = versions.pulumiLanguageYaml;
  if (!pulumi.built && which("pulumi-language-yaml", pulumi.binDir)) return pulumi.binDir;
  const dir = path.join(toolsDir, `pulumi-language-yaml-${pin.version}`);
  const binary = path.join(dir, "bin", "pulumi-language-yaml");
  if (!fs.existsSync(binary)) {
    requireGo(`The YAML language host v${pin.version} is not built yet (.tools/), and`);
    log(`building the YAML language host v${pin.version} from the Go module proxy into .tools/ (once; about a minute)`);
    installAtomically(dir, (temp) => {
      const env = goEnv();
      goBuild({
        name: `pulumi-language-yaml-${pin.version}`,
        requires: { [pin.module]: pin.version },
        replaces: moduleReplaces(pin.module, pin.version, env),
        pkg: pin.package,
        output: binary.replace(dir, temp),
        ldflags: `-X github.com/pulumi/pulumi-yaml/pkg/version.Version=v${pin.version}`,
      });
    });
  }
  return linkBesideCli(pulumi, binary);
}

// ---------------------------------------------------------------------------------------------
// LiveKit's server and Redis (the differential tests)

/** The pinned `livekit-server`, built once from the Go module proxy. */
function ensureLivekitServer() {
  const { version } = versions.livekitServer;
  const dir = path.join(toolsDir, `livekit-server-${version}`);
  const binary = path.join(dir, "bin", "livekit-server");
  if (!fs.existsSync(binary)) {
    requireGo(`LiveKit's server v${version} is not built yet (.tools/), and`);
    log(`building livekit-server v${version} from the Go module proxy into .tools/ (once; about a minute)`);
    installAtomically(dir, (temp) =>
      goBuild({
        name: `livekit-server-${version}`,
        requires: { "github.com/livekit/livekit-server": version },
        pkg: "github.com/livekit/livekit-server/cmd/server",
        output: path.join(temp, "bin", "livekit-server"),
      }),
    );
  }
  return binary;
}

/** `redis-server`, from Debian's packages when the machine has none. */
function ensureRedis() {
  const found = which("redis-server") || which("redis-server", "/usr/sbin:/usr/bin");
  if (found) return found;
  const { debianPackage } = versions.redis;
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = which("apt-get");
  if (!apt || (!asRoot && !which("sudo"))) {
    throw new ToolError(`redis-server is not installed and cannot be installed here: install Redis (Debian: apt-get install ${debianPackage}), then run this again.`);
  }
  log(`installing ${debianPackage} from Debian's packages (once)`);
  const prefix = asRoot ? [] : ["sudo", "-n"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => run(prefix[0] ?? apt, [...prefix.slice(1), ...(prefix.length ? [apt] : []), "install", "-y", "-q", "--no-install-recommends", debianPackage], { env });
  try {
    install();
  } catch {
    // A fresh machine may have no package lists yet.
    run(prefix[0] ?? apt, [...prefix.slice(1), ...(prefix.length ? [apt] : []), "update", "-q"], { env });
    install();
  }
  const installed = which("redis-server") || which("redis-server", "/usr/sbin:/usr/bin");
  if (!installed) throw new ToolError(`${debianPackage} was installed but redis-server is not on PATH`);
  return installed;
}

/**
 * The environment for the tests and tools: the pinned tools first on PATH (LiveKit's server and
 * Redis, the Python and YAML language hosts only when asked for), and the real CLI offline: no
 * update check, no plugin downloads (the bundled plugins are found on PATH and never downloaded).
 */
function toolEnv(base = process.env, { livekit = true, languages = true } = {}) {
  const node = ensureNode();
  const pulumi = ensurePulumi();
  const dirs = [pulumi.binDir, node];
  const extra = {};
  if (languages) {
    // The virtualenv's python3 first: the Python host runs programs with the python3 on PATH.
    dirs.unshift(ensurePythonSdk());
    dirs.push(ensurePythonHost(pulumi), ensureYamlHost(pulumi));
    extra.LIVEKIT_SIP_PYTHON_CODEGEN = ensurePythonCodegen();
  }
  if (livekit) dirs.push(path.dirname(ensureLivekitServer()), path.dirname(ensureRedis()));
  const PATH = [...new Set(dirs)].join(path.delimiter) + path.delimiter + (base.PATH || "");
  return {
    ...base,
    ...extra,
    PATH,
    LIVEKIT_SIP_PULUMI_VERSION: pulumi.version,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
  };
}

/** One line per tool: which binary the environment resolves and its version. */
function describe(env) {
  const lines = [];
  const tools = [
    ["node", ["--version"]],
    ["pulumi", ["version"]],
    ["pulumi-language-nodejs", null],
    ["pulumi-resource-pulumi-nodejs", null],
    ["pulumi-language-python", null],
    ["python3", ["--version"]],
    ["pulumi-language-yaml", null],
    ["livekit-server", ["--version"]],
    ["redis-server", ["--version"]],
  ];
  for (const [name, args] of tools) {
    const binary = which(name, env.PATH);
    const printed = binary && args ? spawnSync(binary, args, { encoding: "utf8", env }).stdout : "";
    const version = /v?\d+\.\d+\.\d+/.exec(printed || "")?.[0] ?? "";
    lines.push(`${name.padEnd(30)} ${version ? `${version.padEnd(10)} ` : ""}${binary ?? "missing"}`);
  }
  return lines;
}

module.exports = { ToolError, toolEnv, describe, compareVersions };
