"use strict";
/**
 * A load generator in a process of its own, so its CPU is not the emulator's: for `ms`
 * milliseconds at a time, `concurrency` clients send creates of new inbound trunks, then lists
 * filtered by one number, over Twirp JSON as the JS SDK sends them. Prints the rates as JSON.
 *   node bench/emulatorLoad.js <url> <apiSecret> [ms] [concurrency]
 */
const { createHmac } = require("node:crypto");
const http = require("node:http");

function token(secret) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "HS256", typ: "JWT" })}.${part({ iss: "devkey", exp: Math.floor(Date.now() / 1000) + 3600, sip: { admin: true } })}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}
function client(url, secret, agent) {
  const authorization = `Bearer ${token(secret)}`;
  return (method, body) => call(url, agent, authorization, method, body);
}

function call(url, agent, authorization, method, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/twirp/livekit.SIP/${method}`, { method: "POST", agent, headers: { "Content-Type": "application/json", Authorization: authorization, "Content-Length": Buffer.byteLength(payload) } }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${method}: ${res.statusCode} ${text.slice(0, 200)}`))));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

async function rate(op, ms, concurrency) {
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < ms) await op(done++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Math.round((done / (performance.now() - started)) * 1000);
}

/** Creates for `ms`, then number-filtered lists for `ms`, from `concurrency` clients; the rates. */
async function load(url, secret, ms, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const send = client(url, secret, agent);
  const offset = Math.floor(Math.random() * 1e6) * 100;
  try {
    const createPerSec = await rate((i) => send("CreateSIPInboundTrunk", { trunk: { name: `load ${i}`, numbers: [`+1${String(5000000000 + offset + i)}`], allowedAddresses: ["10.0.0.0/8"] } }), ms, concurrency);
    const filteredListPerSec = await rate((i) => send("ListSIPInboundTrunk", { numbers: [`+1${String(5000000000 + offset + (i % 100))}`] }), ms, concurrency);
    return { createPerSec, filteredListPerSec };
  } finally {
    agent.destroy();
  }
}

module.exports = { load };

if (require.main === module) {
  const [url, secret, ms = "1500", concurrency = "16"] = process.argv.slice(2);
  load(url, secret, Number(ms), Number(concurrency)).then(
    (rates) => process.stdout.write(`${JSON.stringify(rates)}\n`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
