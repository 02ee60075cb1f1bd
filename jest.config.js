/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  testTimeout: 60000,
  // Examples import the package by name, as users do; tests run them against the source.
  moduleNameMapper: { "^pulumi-livekit-sip$": "<rootDir>/provider/index.ts" },
  // Spawned provider hosts and emulators are real processes: two cores, so keep workers low.
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
