#!/usr/bin/env node
// `npm run up:local`: the root project's dev stack against the local LiveKit SIP emulator, with a
// local file state backend and a fixed passphrase, so nothing needs a LiveKit or Pulumi account.
const { spawn, spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } = require("node:fs");
const { join } = require("node:path");
const YAML = require("yaml");

const root = join(__dirname, "..");
const local = join(root, ".pulumi-local");
const stack = "dev";
const emulatorPort = Number(process.env.LIVEKIT_EMULATOR_PORT ?? 7880);
// Not a secret: it only protects the throwaway local state of the emulator stack.
const passphrase = "pulumi-livekit-sip-local";
const localSecrets = { "livekit:apiSecret": "secret", devTrunkPassword: "dev-trunk-password" };

function pulumiInstalled() {
  return spawnSync("pulumi", ["version"], { stdio: "ignore" }).status === 0;
}

if (!pulumiInstalled()) {
  console.error(
    "up:local needs the Pulumi CLI, which is not installed: install it (https://www.pulumi.com/docs/install/), then run `npm run up:local` again.",
  );
  process.exit(1);
}

/** The stack config lives in .pulumi-local so local secrets never touch the committed Pulumi.dev.yaml. */
function writeLocalConfig(file) {
  const committed = YAML.parse(readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8"));
  const previous = existsSync(file) ? YAML.parse(readFileSync(file, "utf8")) : {};
  const config = { ...committed.config, "livekit:url": `http://127.0.0.1:${emulatorPort}` };
  for (const [key, value] of Object.entries(previous.config ?? {})) if (value && value.secure) config[key] = value;
  const merged = { ...(previous.encryptionsalt ? { encryptionsalt: previous.encryptionsalt } : {}), config };
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
  mkdirSync(join(local, "state"), { recursive: true });
  writeLocalConfig(join(local, `Pulumi.${stack}.yaml`));
  linkPackage();
  const { startEmulator } = require("../dist/emulator");
  const emulator = await startEmulator({ port: emulatorPort, statePath: join(local, "livekit-emulator.json") });
  console.log(`LiveKit SIP emulator: ${emulator.url}`);
  const env = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${join(local, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECKS: "true",
  };
  const onStack = ["--stack", stack, "--config-file", join(local, `Pulumi.${stack}.yaml`)];
  try {
    if ((await pulumi(["stack", "select", stack], env, { quiet: true, check: false })) !== 0) {
      await pulumi(["stack", "init", stack, "--secrets-provider", "passphrase"], env);
    }
    for (const [key, value] of Object.entries(localSecrets)) await pulumi(["config", "set", "--secret", key, value, ...onStack], env);
    await pulumi(["up", "--yes", "--skip-preview", ...onStack], env);
    await pulumi(["stack", "output", "--json", ...onStack], env);
  } finally {
    await emulator.close();
  }
}

main().catch((err) => {
  console.error(`up:local: ${err.message}`);
  process.exit(1);
});
