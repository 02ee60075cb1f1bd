import * as path from "path";

/** The repository root; harness files live at <repo>/test/harness. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Fixture projects live inside the repo so installed packages resolve their dependencies by walking up. */
export const FIXTURES_ROOT = path.join(REPO_ROOT, ".fixtures");

// Resolved by path, not require.resolve: require.resolve with `paths` throws under jest.
export const HOST_SCRIPT = path.join(REPO_ROOT, "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js");
