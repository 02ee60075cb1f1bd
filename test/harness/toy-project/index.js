"use strict";
// Fixture program for the harness self-tests: top-level code, like a user's index.ts.
const pulumi = require("@pulumi/pulumi");
const { ToyResource } = require("toy-provider");

const config = new pulumi.Config("toy");
const item = new ToyResource("from-file", { name: "from-file", size: config.requireNumber("size") });

exports.itemId = item.id;
exports.size = item.size;
