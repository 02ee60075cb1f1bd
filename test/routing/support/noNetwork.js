// Preloaded (node --require) into CLI processes under test: every way out to the network throws,
// after writing a marker to stderr, so an attempt shows even where the caller catches the error.
const dgram = require("node:dgram");
const dns = require("node:dns");
const http = require("node:http");
const http2 = require("node:http2");
const https = require("node:https");
const net = require("node:net");
const tls = require("node:tls");

function refuse(what) {
  return function refused() {
    process.stderr.write(`NETWORK ACCESS ATTEMPTED: ${what}\n`);
    throw new Error(`network access attempted: ${what}`);
  };
}

net.connect = net.createConnection = refuse("net.connect");
net.Socket.prototype.connect = refuse("net.Socket#connect");
tls.connect = refuse("tls.connect");
http.request = http.get = refuse("http.request");
https.request = https.get = refuse("https.request");
http2.connect = refuse("http2.connect");
dgram.createSocket = refuse("dgram.createSocket");
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) {
  dns[name] = refuse(`dns.${name}`);
  dns.promises[name] = refuse(`dns.promises.${name}`);
}
globalThis.fetch = refuse("fetch");
