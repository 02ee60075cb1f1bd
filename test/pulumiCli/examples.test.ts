import { describeLifecycle } from "./lifecycle";
import { exampleCases } from "./stackCases";

jest.setTimeout(120_000);
for (const c of exampleCases) describeLifecycle(c);
