import { describeLifecycle } from "./lifecycle";
import { rootCases } from "./stackCases";

jest.setTimeout(120_000);
rootCases.forEach(describeLifecycle);
