import { liveKitBackend } from "../pulumiCli/backends";
import { describeLifecycle } from "../pulumiCli/lifecycle";
import { allCases } from "../pulumiCli/stackCases";

/**
 * The real-engine lifecycle of every stack (test/pulumiCli) against LiveKit's real server, with the
 * emulator answering beside it: LiveKit Phone Numbers are LiveKit Cloud's, so the phone-number
 * example stays on the emulator.
 */
jest.setTimeout(120_000);
for (const c of allCases.filter((c) => c.name !== "phone-number-agent")) describeLifecycle(c, liveKitBackend, "LiveKit's open-source server");
