import { describeLifecycle } from "./lifecycle";
import { rootCases } from "./stackCases";

jest.setTimeout(120_000);
for (const c of rootCases) describeLifecycle(c);
