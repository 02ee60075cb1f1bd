import * as pulumi from "@pulumi/pulumi";
import type { ReadResourceRequest, RegisterResourceOutputsRequest, RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { decodeRead, decodeRegister, mockMonitorUrn, Registration } from "./registration";
import { Props, toProviderProps } from "./wireValues";

export interface TapHandlers {
  /** Returns the id and the state to hand back to the program (wire form: secrets wrapped, UNKNOWN allowed). */
  register(registration: Registration): Promise<{ id: string | undefined; state: Props }>;
  registerOutputs(urn: string, outputs: Props, secretKeys: string[]): void;
}

type Callback = (err: unknown, res: unknown) => void;
interface TappableMonitor {
  registerResource(req: RegisterResourceRequest, cb: Callback): unknown;
  readResource(req: ReadResourceRequest, cb: Callback): unknown;
  registerResourceOutputs(req: RegisterResourceOutputsRequest, cb: Callback): unknown;
}

/**
 * Mocks whose newResource sees the raw monitor request, not only MockResourceArgs: the raw request is the only place
 * that still says which inputs were secret, and it carries parent, dependencies and resource options.
 *
 * The hand-off relies on MockMonitor calling `mocks.newResource` synchronously from registerResource/readResource
 * (true in @pulumi/pulumi 3.276.0); newResource checks the slot so a change there fails loudly, not silently.
 */
export function createMonitorTap(handlers: TapHandlers, stack: string, project: string) {
  let pending: Registration | undefined;

  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const registration = pending;
      pending = undefined;
      if (!registration || registration.type !== args.type || registration.name !== args.name) {
        throw new Error("MiniEngine: MockMonitor did not call newResource synchronously; the monitor tap needs updating");
      }
      return handlers.register(registration);
    },
    call(args) {
      throw new Error(`MiniEngine does not support invokes (${args.token})`);
    },
  };

  // The program must see the engine's URNs, not MockMonitor's; MockMonitor still keys its own map by its URNs.
  const mockUrns = new Map<string, string>();

  function wrap<Req>(original: (req: Req, cb: Callback) => unknown, decode: (req: Req) => Registration) {
    return (req: Req, cb: Callback) => {
      const registration = decode(req);
      const { parent, type, name } = registration;
      mockUrns.set(registration.urn, mockMonitorUrn(stack, project, parent, type, name));
      pending = registration;
      try {
        return original(req, (err, res) => {
          (res as { setUrn(urn: string): void } | undefined)?.setUrn(registration.urn);
          cb(err, res);
        });
      } finally {
        pending = undefined;
      }
    };
  }

  /** Call after setMocks(mocks, ...), which is what creates the MockMonitor. */
  function attach(): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as TappableMonitor;
    monitor.registerResource = wrap(monitor.registerResource.bind(monitor), (req) => decodeRegister(req, stack, project));
    monitor.readResource = wrap(monitor.readResource.bind(monitor), (req) => decodeRead(req, stack, project));
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
      const { props, secretKeys } = toProviderProps((req.getOutputs()?.toJavaScript() ?? {}) as Props);
      handlers.registerOutputs(req.getUrn(), props, secretKeys);
      return registerOutputs(req.setUrn(mockUrns.get(req.getUrn()) ?? req.getUrn()), cb);
    };
  }

  return { mocks, attach };
}
