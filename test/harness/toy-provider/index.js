"use strict";
const pulumi = require("@pulumi/pulumi");

// Thin shim: each method loads the implementation by package name at call time, so the serialized
// __provider carries no implementation code, no config and no secrets (the pattern the real package uses).
const provider = {
  async configure(req) {
    require("toy-provider/impl").configure(req.config);
  },
  async check(olds, news) {
    return require("toy-provider/impl").check(olds, news);
  },
  async diff(id, olds, news) {
    return require("toy-provider/impl").diff(id, olds, news);
  },
  async create(inputs) {
    return require("toy-provider/impl").create(inputs);
  },
  async read(id, props) {
    return require("toy-provider/impl").read(id, props);
  },
  async update(id, olds, news) {
    return require("toy-provider/impl").update(id, olds, news);
  },
  async delete(id, props) {
    return require("toy-provider/impl").remove(id, props);
  },
};

class ToyResource extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    // Every output is seeded as undefined: the SDK only exposes properties named in props.
    const outputs = { size: undefined, parentId: undefined, region: undefined, tokenFingerprint: undefined, secretValue: undefined };
    const props = { ...outputs, ...args };
    const extra = (opts && opts.additionalSecretOutputs) || [];
    super(provider, name, props, { ...opts, additionalSecretOutputs: ["secretValue", ...extra] }, "toy", "ToyResource");
  }
}

class ToyGroup extends pulumi.ComponentResource {
  constructor(name, args, opts) {
    super("toy:index:ToyGroup", name, args, opts);
    this.first = new ToyResource(`${name}-first`, { name: `${args.prefix}-first` }, { parent: this });
    this.registerOutputs({ firstId: this.first.id });
  }
}

// Reproduces a registration that fails inside the SDK: a prop named like one of Resource's own fields.
class BrokenToy extends pulumi.dynamic.Resource {
  constructor(name) {
    super(provider, name, { name, __name: name }, {}, "toy", "ToyResource");
  }
}

module.exports = { ToyResource, ToyGroup, BrokenToy, provider };
