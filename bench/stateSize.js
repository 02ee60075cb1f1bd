"use strict";
/**
 * What the package costs in Pulumi state, from the MiniEngine's state after an up: the serialized
 * provider (`__provider`, stored in each resource's inputs and again in its outputs) and the whole
 * resource entry, per resource type. The MiniEngine keeps the engine's fields (inputs, outputs,
 * dependencies, secrets) but not the checkpoint's envelope or encryption, so real state files are
 * somewhat larger, mainly through ciphertext for secret values.
 */
const bytes = (value) => Buffer.byteLength(typeof value === "string" ? value : JSON.stringify(value));
const typeOf = (entry) => entry.type.split(":").pop();

function measure(state) {
  const entries = Object.values(state).filter((entry) => entry.custom);
  const byType = {};
  for (const entry of entries) {
    const t = (byType[typeOf(entry)] ??= { resources: 0, providerBytes: 0, entryBytes: 0 });
    t.resources++;
    t.providerBytes += bytes(entry.outputs.__provider ?? "") + bytes(entry.inputs.__provider ?? "");
    t.entryBytes += bytes(entry);
  }
  const perResource = (field) => Math.round(Object.values(byType).reduce((n, t) => n + t[field], 0) / entries.length);
  const providerText = entries[0]?.outputs.__provider ?? "";
  return {
    resources: entries.length,
    providerTextBytes: bytes(providerText),
    providerBytesPerResource: perResource("providerBytes"),
    stateBytesPerResource: perResource("entryBytes"),
    totalStateBytes: bytes(state),
    byType: Object.fromEntries(
      Object.entries(byType).map(([type, t]) => [type, { providerBytesPerResource: Math.round(t.providerBytes / t.resources), stateBytesPerResource: Math.round(t.entryBytes / t.resources) }]),
    ),
  };
}

module.exports = { measure };
