"use strict";
/** The `__provider` text a resource of each type stores, from the package as installed in the fixture project. */
async function providerTexts(projectDir, types) {
  const { providerLoader } = require(`${projectDir}/node_modules/pulumi-livekit-sip/dist/resources/pulumi/providerLoader.js`);
  return Object.fromEntries(types.map((type) => [type, providerLoader(type)]));
}

module.exports = { providerTexts };
