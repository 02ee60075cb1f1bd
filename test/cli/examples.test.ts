import { describeLifecycle } from "./lifecycle";
import { exampleCases } from "./stackCases";

jest.setTimeout(120_000);
exampleCases.forEach(describeLifecycle);
