import { definitions, sipResourceTypes } from "../../resources";
import { type ExportModel, SecretPlaceholder, TrunkReference } from "./exportModel";
import { idOutputs } from "./logicalNames";
import { exportHeader } from "./setupNotes";
import { descend, mapTree } from "../../schema/jsonTree";
import { Code, tsLiteral } from "./tsLiteral";

/** Placeholders become the code that resolves them in a program: config secrets and trunk outputs. */
const asCode = (value: unknown) =>
  mapTree(value, (node) =>
    node instanceof SecretPlaceholder
      ? new Code(`config.requireSecret(${JSON.stringify(node.configKey)})`)
      : node instanceof TrunkReference
        ? new Code(`${node.logicalName}.sipTrunkId`)
        : descend,
  );

/**
 * The export as a Pulumi TypeScript program using this package's resource classes, one variable
 * per object, so rules can name their trunks as `main.sipTrunkId`. Trunks come before the rules
 * that refer to them.
 */
export function renderProgram(model: ExportModel, options: { url: string }): string {
  const used = sipResourceTypes.filter((type) => model.resources.some((r) => r.type === type));
  const hasSecrets = model.secrets.length > 0;
  const lines = [
    ...exportHeader(model, options.url).map((line) => (line === "" ? "//" : `// ${line}`)),
    ...(hasSecrets ? ['import * as pulumi from "@pulumi/pulumi";'] : []),
    ...(used.length > 0 ? [`import { ${used.join(", ")} } from "pulumi-livekit-sip";`] : []),
    "",
    ...(hasSecrets ? ["const config = new pulumi.Config();", ""] : []),
  ];
  for (const r of model.resources) {
    const args = tsLiteral(asCode({ adoptId: r.id, ...r.args }));
    lines.push(`const ${r.logicalName} = new ${r.type}(${JSON.stringify(r.logicalName)}, ${args});`, "");
  }
  for (const type of used) {
    const ids = model.resources.filter((r) => r.type === type).map((r) => [r.logicalName, new Code(`${r.logicalName}.${definitions[type].idField}`)]);
    lines.push(`export const ${idOutputs[type]} = ${tsLiteral(Object.fromEntries(ids))};`);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
