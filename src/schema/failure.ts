/** A validation failure in Pulumi's shape: the property path and a message that says how to fix it. */
export interface Failure {
  property: string;
  reason: string;
}
