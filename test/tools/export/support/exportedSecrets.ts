import type { RunningEmulator } from "../../../../src/emulator";
import { SecretPlaceholder, type ExportModel } from "../../../../src/tools/export/exportModel";

const storeKind = { InboundTrunk: "inboundTrunk", OutboundTrunk: "outboundTrunk", DispatchRule: "dispatchRule" } as const;
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** What a user would store with the export's `pulumi config set --secret` commands: the live values, by config key. */
export function exportedSecretValues(model: ExportModel, emulator: RunningEmulator): Record<string, string> {
  const values: Record<string, string> = {};
  for (const resource of model.resources) {
    for (const [key, value] of Object.entries(resource.args)) {
      if (value instanceof SecretPlaceholder) values[value.configKey] = String(emulator.store.get(storeKind[resource.type], resource.id)?.[snakeCase(key)]);
    }
  }
  return values;
}
