import type { ResourceType } from "..";

/**
 * The `__provider` text Pulumi stores with every dynamic resource, in its inputs and again in its
 * outputs, and its provider host evaluates to find the provider: a module whose `handler()` returns
 * it. It names only the resource type and loads the implementation by package name at call time,
 * so state holds no credential and no copy of our code, and refresh/destroy of old state run the
 * installed version. Written out rather than left to Pulumi's closure serializer, which made 2.6 KB
 * of wrappers from the same loader (see docs/performance.md, state size).
 */
export function providerLoader(type: ResourceType): string {
  return `exports.handler = () => require("pulumi-livekit-sip/provider-host").dynamicProvider(${JSON.stringify(type)});\n`;
}
