import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { preparePackedProject } from "../harness/fixtureProject";
import { REPO_ROOT } from "../harness/paths";

/**
 * The real Pulumi CLI (built by scripts/tools.js, which `npm test` runs jest under) driving one
 * stack of a project copied into the fixture project, where the packed package is installed as in
 * a user's project. Each stack has its own local file backend and PULUMI_HOME, so tests never
 * share state with each other or with the user's own Pulumi.
 */

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The engine events of the operation (--event-log), in order. */
  events: EngineEvent[];
}

export interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  diffs?: string[];
  detailedDiff?: Record<string, { kind: string; inputDiff?: boolean }> | null;
  old?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
  new?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
}

export interface EngineEvent {
  resourcePreEvent?: { metadata: StepMetadata; planning?: boolean };
  resOutputsEvent?: { metadata: StepMetadata; planning?: boolean };
  diagnosticEvent?: { urn?: string; message: string; severity: string };
  summaryEvent?: { resourceChanges: Record<string, number>; durationSeconds: number };
  /** A policy pack's violation (or its note that a policy cannot run during preview). */
  policyEvent?: PolicyEvent;
}

export interface PolicyEvent {
  resourceUrn?: string;
  message: string;
  policyName: string;
  policyPackName: string;
  enforcementLevel: "advisory" | "mandatory" | "remediate";
}

export interface PreviewStep {
  op: string;
  urn: string;
  newState?: { type: string; inputs?: Record<string, unknown> };
  oldState?: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  diffReasons?: string[];
  detailedDiff?: Record<string, { kind: string; inputDiff?: boolean }> | null;
}

/** What `pulumi preview --json` prints. */
export interface PreviewDocument {
  steps: PreviewStep[];
  changeSummary: Record<string, number>;
  diagnostics?: { message: string; severity: string; urn?: string }[];
}

/** A copy of a project: `files` overrides or adds files (e.g. Pulumi.yaml with another `main`). */
export interface ProjectSource {
  /** A directory to copy (without node_modules), or none. */
  from?: string;
  files?: Record<string, string>;
  /**
   * Runs in the stack's folder once the files are there, before `pulumi stack init`, as a user's
   * setup would (a Python virtualenv, node_modules); returns variables every `pulumi` run gets.
   */
  prepare?: (dir: string) => Promise<NodeJS.ProcessEnv | void>;
}

const PASSPHRASE = "pulumi-livekit-sip-tests";
let counter = 0;

export function assertPulumiOnPath(): void {
  const found = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, "pulumi-language-nodejs")));
  if (!found) {
    throw new Error("The real-engine tests need the Pulumi CLI and its Node.js language host on PATH: run them through `npm test` (or `node scripts/tools.js exec -- jest …`), which builds them once into .tools/.");
  }
}

/** The step ops of the resources of our package, `op Type name`, in the order the engine started them. */
export function steps(events: EngineEvent[], opts: { includeSame?: boolean } = {}): string[] {
  return events
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m): m is StepMetadata => !!m && m.type.includes("livekit:") && !m.type.startsWith("livekit:sip:TelephonyStack"))
    .filter((m) => opts.includeSame || m.op !== "same")
    .map((m) => `${m.op} ${m.type.split(":").pop()} ${m.urn.split("::").pop()}`);
}

export class PulumiStack {
  private constructor(
    readonly dir: string,
    readonly stack: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * Copies the project into the fixture project, with a fresh backend, and creates the stack.
   * Projects whose stacks refer to each other (StackReference) share one: `backendDir`.
   */
  static async create(name: string, source: ProjectSource, stack = "dev", opts: { backendDir?: string } = {}): Promise<PulumiStack> {
    assertPulumiOnPath();
    const fixture = (await preparePackedProject()).dir;
    const dir = path.join(fixture, "cli", `${name}-${process.pid}-${++counter}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (source.from) {
      fs.cpSync(source.from, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
    }
    for (const [file, text] of Object.entries(source.files ?? {})) fs.writeFileSync(path.join(dir, file), text);
    const backendDir = opts.backendDir ?? path.join(dir, ".state");
    fs.mkdirSync(backendDir, { recursive: true });
    const prepared = (await source.prepare?.(dir)) ?? {};
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...prepared,
      PULUMI_HOME: path.join(dir, ".pulumi-home"),
      PULUMI_BACKEND_URL: `file://${backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      // The CLI's own progress display is meant for terminals; tests read events instead.
      PULUMI_DISABLE_CI_DETECTION: "true",
      NO_COLOR: "1",
    };
    for (const key of Object.keys(env)) if (key.startsWith("LIVEKIT_")) delete env[key];
    const created = new PulumiStack(dir, stack, env);
    await created.pulumi(["stack", "init", stack, "--secrets-provider", "passphrase"]);
    return created;
  }

  /** Runs the CLI without blocking the event loop: the emulator in this process keeps answering. */
  pulumi(args: string[], opts: { allowFailure?: boolean; events?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    // With --json, up, refresh and destroy stream the engine's events as JSON documents.
    const flags = ["--non-interactive", ...(opts.events ? ["--json"] : [])];
    const separator = args.indexOf("--");
    const fullArgs = separator < 0 ? [...args, ...flags] : [...args.slice(0, separator), ...flags, ...args.slice(separator)];
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", fullArgs, { cwd: this.dir, env: { ...this.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => {
        const events = opts.events ? jsonDocuments(stdout).filter(isEvent) : [];
        const result = { code: code ?? 1, stdout, stderr, events };
        if (code !== 0 && !opts.allowFailure) {
          reject(new Error(`pulumi ${args.join(" ")} exited ${code}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        } else {
          resolve(result);
        }
      });
    });
  }

  configSet(key: string, value: string, opts: { secret?: boolean } = {}): Promise<CliResult> {
    return this.pulumi(["config", "set", ...(opts.secret ? ["--secret"] : []), "--stack", this.stack, "--", key, value]);
  }

  /** Sets a structured or plain value through the stack's config file, as a user editing Pulumi.<stack>.yaml would. */
  editConfig(changes: Record<string, unknown>): void {
    const file = path.join(this.dir, `Pulumi.${this.stack}.yaml`);
    const doc = (fs.existsSync(file) ? parse(fs.readFileSync(file, "utf8")) : {}) ?? {};
    doc.config = { ...(doc.config ?? {}), ...changes };
    fs.writeFileSync(file, stringify(doc));
  }

  preview(extra: string[] = [], opts: { allowFailure?: boolean } = {}) {
    return this.pulumi(["preview", "--stack", this.stack, ...extra], { ...opts, events: true });
  }

  /** `pulumi preview --json`: the planned steps as one document. */
  async previewJson(): Promise<PreviewDocument> {
    const { stdout } = await this.pulumi(["preview", "--json", "--stack", this.stack]);
    return JSON.parse(stdout);
  }

  up(extra: string[] = [], opts: { allowFailure?: boolean } = {}) {
    return this.pulumi(["up", "--yes", "--skip-preview", "--stack", this.stack, ...extra], { ...opts, events: true });
  }

  refresh(extra: string[] = [], opts: { allowFailure?: boolean } = {}) {
    return this.pulumi(["refresh", "--yes", "--skip-preview", "--stack", this.stack, ...extra], { ...opts, events: true });
  }

  destroy(extra: string[] = [], opts: { allowFailure?: boolean } = {}) {
    return this.pulumi(["destroy", "--yes", "--skip-preview", "--stack", this.stack, ...extra], { ...opts, events: true });
  }

  async outputs(): Promise<Record<string, any>> {
    return JSON.parse((await this.pulumi(["stack", "output", "--json", "--show-secrets", "--stack", this.stack])).stdout);
  }

  /** The stack's state as `pulumi stack export` writes it (secrets stay encrypted). */
  async exportText(): Promise<string> {
    return (await this.pulumi(["stack", "export", "--stack", this.stack])).stdout;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The JSON documents of a stream that holds several, one after another. */
export function jsonDocuments(text: string): unknown[] {
  const documents: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === "{") {
      if (depth++ === 0) start = i;
    } else if (ch === "}" && depth > 0 && --depth === 0) {
      documents.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return documents;
}

function isEvent(doc: unknown): doc is EngineEvent {
  return typeof doc === "object" && doc !== null && ("resourcePreEvent" in doc || "resOutputsEvent" in doc || "diagnosticEvent" in doc || "summaryEvent" in doc || "policyEvent" in doc);
}

/** The root project as a user runs it, its program taken from the installed package. */
export function rootProject(stack: string): ProjectSource {
  const project = parse(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8"));
  project.main = path.join("..", "..", "node_modules", "pulumi-livekit-sip", project.main);
  return {
    files: {
      "Pulumi.yaml": stringify(project),
      [`Pulumi.${stack}.yaml`]: fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8"),
    },
  };
}

export function exampleProject(name: string): ProjectSource {
  return { from: path.join(REPO_ROOT, "examples", name) };
}
