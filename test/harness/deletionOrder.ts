import type { ResourceState } from "./engineTypes";

function dependsOn(entry: ResourceState): string[] {
  return [entry.parent, ...entry.dependencies, ...Object.values(entry.propertyDependencies).flat()].filter(Boolean);
}

/**
 * Orders resources for deletion: every resource before anything it depends on (or is parented by), otherwise
 * latest-created first, as the engine deletes in reverse dependency order.
 */
export function deletionOrder(entries: readonly ResourceState[]): ResourceState[] {
  const byUrn = new Map(entries.map((e) => [e.urn, e]));
  const visited = new Set<string>();
  const creationOrder: ResourceState[] = [];
  const visit = (entry: ResourceState) => {
    if (visited.has(entry.urn)) {
      return;
    }
    visited.add(entry.urn);
    for (const urn of dependsOn(entry)) {
      const dependency = byUrn.get(urn);
      if (dependency) {
        visit(dependency);
      }
    }
    creationOrder.push(entry);
  };
  entries.forEach(visit);
  return creationOrder.reverse();
}
