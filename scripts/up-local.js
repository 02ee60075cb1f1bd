#!/usr/bin/env node
// `npm run up:local`: the root project's dev stack against the local LiveKit SIP emulator, with a
// local file state backend and a fixed passphrase, so nothing needs a LiveKit or Pulumi account.
const { spawn } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } = require("node:fs");
const { join } = require("node:path");
const YAML = require("yaml");
const toolchain = require("./tools/toolchain");

const root = join(__dirname, "..");
// UP_LOCAL_DIR moves the local state elsewhere (the tests run it beside a developer's own).
const local = process.env.UP_LOCAL_DIR || join(root, ".pulumi-local");
const stack = "dev";
const emulatorPort = Number(process.env.LIVEKIT_EMULATOR_PORT ?? 7880);
// Not a secret: it only protects the throwaway local state of the emulator stack.
const passphrase = "pulumi-livekit-sip-local";
const localSecrets = { "livekit:apiSecret": "secret", devTrunkPassword: "dev-trunk-password" };

/** The pinned Pulumi CLI and a supported Node.js (built or installed once into .tools/). */
function toolEnv() {
  try {
    return toolchain.toolEnv(process.env, { livekit: false });
  } catch (err) {
    if (!(err instanceof toolchain.ToolError)) throw err;
    console.error(`up:local needs the Pulumi CLI: ${err.message}`);
    process.exit(1);
  }
}

/** The stack config lives in .pulumi-local so local secrets never touch the committed Pulumi.dev.yaml. */
function writeLocalConfig(file, salt) {
  const committed = YAML.parse(readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8"));
  const previous = existsSync(file) ? YAML.parse(readFileSync(file, "utf8")) : {};
  const config = { ...committed.config, "livekit:url": `http://127.0.0.1:${emulatorPort}` };
  for (const [key, value] of Object.entries(previous.config ?? {})) if (value && value.secure) config[key] = value;
  const encryptionsalt = salt ?? previous.encryptionsalt;
  const merged = { ...(encryptionsalt ? { encryptionsalt } : {}), config };
  writeFileSync(file, YAML.stringify(merged));
}

/** The provider host loads the package by name from the project directory, as in a user's project. */
function linkPackage() {
  const link = join(root, "node_modules", "pulumi-livekit-sip");
  try {
    lstatSync(link);
  } catch {
    symlinkSync(root, link, "dir");
  }
}

/** Runs the CLI without blocking: the emulator in this process must keep answering meanwhile. */
function pulumi(args, env, { quiet = false, check = true } = {}) {
  const child = spawn("pulumi", args, { cwd: root, env, stdio: quiet ? "ignore" : "inherit" });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 || !check ? resolve(code) : reject(new Error(`pulumi ${args.join(" ")} failed (exit ${code})`))));
  });
}

async function main() {
  const tools = toolEnv();
  mkdirSync(join(local, "state"), { recursive: true });
  const localConfig = join(local, `Pulumi.${stack}.yaml`);
  writeLocalConfig(localConfig);
  linkPackage();
  const { startEmulator } = require("../dist/emulator");
  const emulator = await startEmulator({ port: emulatorPort, statePath: join(local, "livekit-emulator.json") });
  console.log(`LiveKit SIP emulator: ${emulator.url}`);
  const env = { ...tools, PULUMI_BACKEND_URL: `file://${join(local, "state")}`, PULUMI_CONFIG_PASSPHRASE: passphrase };
  const onStack = ["--stack", stack, "--config-file", localConfig];
  try {
    if ((await pulumi(["stack", "select", stack], env, { quiet: true, check: false })) !== 0) {
      // `stack init` has no --config-file and writes the passphrase salt into the committed
      // Pulumi.dev.yaml; the salt belongs to this local stack, so it moves to the local config.
      const committed = join(root, `Pulumi.${stack}.yaml`);
      const text = readFileSync(committed, "utf8");
      await pulumi(["stack", "init", stack, "--secrets-provider", "passphrase"], env);
      const salt = YAML.parse(readFileSync(committed, "utf8"))?.encryptionsalt;
      writeFileSync(committed, text);
      if (salt) writeLocalConfig(localConfig, salt);
    }
    for (const [key, value] of Object.entries(localSecrets)) await pulumi(["config", "set", "--secret", key, value, ...onStack], env);
    await pulumi(["up", "--yes", ...onStack], env);
    await pulumi(["stack", "output", "--json", "--stack", stack], env);
  } finally {
    await emulator.close();
  }
}

main().catch((err) => {
  console.error(`up:local: ${err.message}`);
  process.exit(1);
});
