#!/usr/bin/env node
/**
 * `pulumi-resource-livekit`: the native Pulumi provider `livekit`, as the engine starts it (a
 * plugin executable that prints its gRPC port). See docs/native-provider.md.
 */
import { serve } from "./server";

// The engine reads the port from stdout's first line; everything else goes to stderr, which the
// CLI shows as the provider's log.
serve(process.argv.slice(2)).then(
  ({ port }) => process.stdout.write(`${port}\n`),
  (error: unknown) => {
    console.error(`pulumi-resource-livekit: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
