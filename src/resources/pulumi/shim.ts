import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ResourceType } from "..";

/**
 * The provider Pulumi serializes into every resource's state. It captures nothing but the type
 * name and loads the implementation by package name inside the provider host, so state holds no
 * credentials and no copy of our code (see docs/architecture.md).
 */
function shim(type: ResourceType): dynamic.ResourceProvider {
  const impl = (): Required<dynamic.ResourceProvider> => require("pulumi-livekit-sip/provider-host").provider(type);
  return {
    async configure(req) {
      require("pulumi-livekit-sip/provider-host").configure(req.config);
    },
    async check(olds, news) {
      return impl().check(olds, news);
    },
    async diff(id, olds, news) {
      return impl().diff(id, olds, news);
    },
    async create(inputs) {
      return impl().create(inputs);
    },
    async read(id, props) {
      return impl().read(id, props);
    },
    async update(id, olds, news) {
      return impl().update(id, olds, news);
    },
    async delete(id, props) {
      return impl().delete(id, props);
    },
  };
}

/** Module-level objects, so Pulumi's serialization cache serializes each provider once. */
export const shims: Record<ResourceType, dynamic.ResourceProvider> = {
  InboundTrunk: shim("InboundTrunk"),
  OutboundTrunk: shim("OutboundTrunk"),
  DispatchRule: shim("DispatchRule"),
  PhoneNumber: shim("PhoneNumber"),
};
