"use strict";
// Toy implementation: a JSON file acts as the remote API so tests can inspect it and introduce drift.
const crypto = require("crypto");
const fs = require("fs");

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const INPUT_KEYS = ["name", "size", "parentId", "tags", "exclusive", "failOnCreate"];

// Module singleton in the host process: configure() runs once per __provider text, every method reads it.
let settings;

function configure(config) {
  settings = {
    storeFile: config.get("toy:storeFile"),
    region: config.get("toy:region") || "default",
    token: config.get("toy:token"),
  };
}

function current() {
  if (!settings || !settings.storeFile) {
    throw new Error("toy provider not configured: toy:storeFile is missing");
  }
  if (!settings.token) {
    throw new Error("toy provider: missing api token (toy:token)");
  }
  return settings;
}

function load() {
  try {
    return JSON.parse(fs.readFileSync(current().storeFile, "utf8"));
  } catch (err) {
    if (err.code === "ENOENT") {
      return { nextId: 1, items: {}, calls: [] };
    }
    throw err;
  }
}

function save(store) {
  const file = current().storeFile;
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(store, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function pickInputs(props) {
  const result = {};
  for (const key of INPUT_KEYS) {
    if (props[key] !== undefined) {
      result[key] = props[key];
    }
  }
  return result;
}

function fingerprint(token) {
  return crypto.createHash("sha256").update(token).digest("hex").slice(0, 12);
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function check(olds, news) {
  const failures = [];
  if (news.name !== UNKNOWN && (typeof news.name !== "string" || !/^[a-z0-9-]+$/.test(news.name))) {
    failures.push({ property: "name", reason: "name must match ^[a-z0-9-]+$" });
  }
  if (news.size !== undefined && news.size !== UNKNOWN && (typeof news.size !== "number" || news.size < 0 || news.size > 100)) {
    failures.push({ property: "size", reason: "size must be a number between 0 and 100" });
  }
  return { inputs: news, failures };
}

async function diff(id, olds, news) {
  const changed = INPUT_KEYS.filter((key) => !same(olds[key], news[key]));
  if (olds.region !== current().region) {
    changed.push("region");
  }
  const replaces = changed.includes("name") ? ["name"] : [];
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && news.exclusive === true };
}

async function create(inputs) {
  if (inputs.failOnCreate) {
    throw new Error(`create refused for ${inputs.name}`);
  }
  const s = current();
  const store = load();
  const id = `toy-${store.nextId++}`;
  const outs = { ...pickInputs(inputs), region: s.region, tokenFingerprint: fingerprint(s.token), secretValue: `secret-${id}` };
  store.items[id] = outs;
  save(store);
  // Host stdout after the port line is provider output; the self-tests read it back through logs().
  console.log(`toy: created ${id}`);
  return { id, outs };
}

async function read(id) {
  const item = load().items[id];
  return item ? { id, props: item, inputs: pickInputs(item) } : {};
}

async function update(id, olds, news) {
  const s = current();
  const store = load();
  const outs = { ...pickInputs(news), region: s.region, tokenFingerprint: fingerprint(s.token), secretValue: olds.secretValue };
  store.items[id] = outs;
  save(store);
  return { outs };
}

async function remove(id) {
  const store = load();
  delete store.items[id];
  save(store);
}

module.exports = { configure, check, diff, create, read, update, remove, fingerprint };
