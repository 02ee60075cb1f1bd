import { choice, dictionary } from "./field";

export const includeHeaders = choice("Which SIP headers of the call become participant attributes.", {
  none: "SIP_NO_HEADERS",
  "x-headers": "SIP_X_HEADERS",
  all: "SIP_ALL_HEADERS",
});

export const headers = () => dictionary("Custom SIP headers LiveKit adds to requests on this trunk (`name → value`).");
export const headersToAttributes = () =>
  dictionary("SIP headers copied into participant attributes (`header name → attribute name`).");
export const attributesToHeaders = () =>
  dictionary("Participant attributes copied into SIP headers (`attribute name → header name`).");
