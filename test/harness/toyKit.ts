import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { MiniEngine } from "./engine";
import type { DeploymentOptions, Step } from "./engineTypes";
import { prepareToyProject } from "./toyProject";
import type * as Toy from "./toy-provider";

/** Shared setup of the harness self-tests, around the toy provider fixture. */

export type ToyModule = typeof Toy;
export const TYPE = "pulumi-nodejs:dynamic/toy:ToyResource";
export const urnOf = (name: string) => `urn:pulumi:dev::toy-fixture::${TYPE}::${name}`;
export const FIRST_URN = `urn:pulumi:dev::toy-fixture::toy:index:ToyGroup$${TYPE}::g-first`;
export const mutating = (steps: Step[]) => steps.filter((s) => ["create", "update", "delete"].includes(s.op));

export interface ToyKit {
  fixtureDir: string;
  toy: ToyModule;
  fingerprint(token: string): string;
  /** The serialized shim, as dynamic.Resource would put it in `__provider`. */
  providerText: string;
  storeFile(name: string): string;
  readStore(name: string): { items: Record<string, Record<string, unknown>> };
  /** Stack config for a deployment whose toy store is `storeFile(name)`. */
  config(name: string, extra?: Record<string, string>): DeploymentOptions;
  /** a, then b whose parentId is a's id, and a component holding a third resource. */
  program(): Record<string, unknown>;
  engine(): MiniEngine;
  cleanup(): void;
}

export async function setUpToyKit(): Promise<ToyKit> {
  const fixture = await prepareToyProject();
  // Loaded from the fixture's node_modules, so closure serialization sees an installed package.
  const toy = require(fixture.packageDir) as ToyModule;
  const impl = require(path.join(fixture.packageDir, "impl.js")) as { fingerprint(token: string): string };
  const providerText = (await pulumi.runtime.serializeFunction(() => toy.provider, { allowSecrets: true })).text;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "harness-test-"));
  const storeFile = (name: string) => path.join(tmp, `${name}.json`);

  return {
    fixtureDir: fixture.dir,
    toy,
    fingerprint: impl.fingerprint,
    providerText,
    storeFile,
    readStore: (name) => JSON.parse(fs.readFileSync(storeFile(name), "utf8")),
    config: (name, extra = {}) => ({
      config: { "toy:storeFile": storeFile(name), "toy:token": "engine-token", ...extra },
      secretKeys: ["toy:token"],
      project: "toy-fixture",
      stack: "dev",
    }),
    program() {
      const cfg = new pulumi.Config("toy");
      const a = new toy.ToyResource("a", {
        name: cfg.get("aName") ?? "alpha",
        size: cfg.getNumber("size") ?? 1,
        exclusive: cfg.getBoolean("exclusive") ?? false,
        tags: pulumi.secret(["t1"]),
      });
      const b = new toy.ToyResource("b", { name: "beta", parentId: a.id });
      const group = new toy.ToyGroup("g", { prefix: "grp" });
      return { aId: a.id, bParent: b.parentId, fingerprint: a.tokenFingerprint, secret: a.secretValue, firstId: group.first.id };
    },
    engine: () => new MiniEngine({ cwd: fixture.dir, project: "toy-fixture", stack: "dev", parallel: 1 }),
    cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }),
  };
}
