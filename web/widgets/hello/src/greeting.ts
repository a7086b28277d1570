/**
 * The greet_user tool's structured result, generated from the JSON Schema the server advertises for the C# record
 * Greeting (see web/scripts/schema-types.mjs). Rename or remove a property in C# and this widget stops compiling.
 */
export type { GreetUserOutput as Greeting, GreetUserInput } from "./generated/tool-types";
