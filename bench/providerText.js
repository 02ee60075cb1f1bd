"use strict";
/**
 * The `__provider` text Pulumi stores for a resource type: the same serializeFunction call
 * `dynamic.Resource` makes, on the shims of the package as installed in the fixture project.
 */
const pulumi = require("@pulumi/pulumi");

async function providerTexts(projectDir, types) {
  const { shims } = require(`${projectDir}/node_modules/pulumi-livekit-sip/dist/resources/pulumi/shim.js`);
  const texts = {};
  for (const type of types) {
    // Capture the one provider object, as dynamic.Resource does (`() => provider`); a closure over
    // the whole `shims` map would serialize all of them.
    const provider = shims[type];
    texts[type] = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
  }
  return texts;
}

module.exports = { providerTexts };
