import { headerNameError, headerValueError } from "../livekit/headers";
import { choice, dictionary } from "./field";

export const includeHeaders = choice("Which SIP headers of the call become participant attributes.", {
  none: "SIP_NO_HEADERS",
  "x-headers": "SIP_X_HEADERS",
  all: "SIP_ALL_HEADERS",
});

// LiveKit's own header rules (RFC 3261 token names, names it manages itself, value characters and
// length), checked at preview instead of at apply.
export const headers = () =>
  dictionary("Custom SIP headers LiveKit adds to requests on this trunk (`name → value`).", {
    entry: (name, value) => headerNameError(name, true) ?? headerValueError(name, value),
  });
export const headersToAttributes = () =>
  dictionary("SIP headers copied into participant attributes (`header name → attribute name`).", {
    entry: (name, attribute) => headerNameError(name, false) ?? (attribute === "" ? "the attribute name must not be empty" : undefined),
  });
export const attributesToHeaders = () =>
  dictionary("Participant attributes copied into SIP headers (`attribute name → header name`).", {
    entry: (attribute, name) => (attribute === "" ? "the attribute name must not be empty" : headerNameError(name, false)),
  });
