/** @type {import('jest').Config} */
const common = {
  // Node's environment, whose teardown waits for what the file started to stop (see the file).
  testEnvironment: "<rootDir>/test/support/settledEnvironment.js",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  // Examples import the package by name, as users do; tests run them against the source.
  moduleNameMapper: { "^pulumi-livekit-sip$": "<rootDir>/src/index.ts" },
};

/**
 * The emulator's conformance tests that only talk to it over the wire: the `differential` project
 * runs them again against LiveKit's real server and the emulator side by side (test/differential).
 */
const conformance = ["auth", "conflicts", "listsAndDeletes", "participants", "sdk", "updates", "validation", "wire"].map(
  (name) => `<rootDir>/test/emulator/${name}.test.ts`,
);

module.exports = {
  projects: [
    { ...common, displayName: "suite", testMatch: ["**/*.test.ts"], testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/differential/"] },
    {
      ...common,
      displayName: "differential",
      testMatch: [...conformance, "<rootDir>/test/livekit/conflictClaims.property.test.ts", "<rootDir>/test/provider/host/lifecycle.test.ts", "<rootDir>/test/differential/**/*.test.ts"],
      setupFiles: ["<rootDir>/test/differential/setup.js"],
    },
  ],
  // A global option: projects cannot set it.
  testTimeout: 60000,
  // Spawned provider hosts, emulators and LiveKit servers are real processes: two cores, so keep workers low.
  maxWorkers: 2,
  reporters: ["<rootDir>/test/support/failuresReporter.js", "summary", "<rootDir>/test/support/summaryReporter.js"],
};
