// setupFiles of the `differential` jest project: the emulator's conformance tests run against
// LiveKit's real server and the emulator side by side (see target.ts).
globalThis.__LIVEKIT_DIFFERENTIAL__ = true;
