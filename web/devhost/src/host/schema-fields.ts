/** One input of a generated form: a property of the tool's input schema. */
export interface SchemaField {
  name: string;
  kind: "string" | "number" | "integer" | "boolean" | "enum" | "json";
  required: boolean;
  description?: string;
  options?: string[];
  defaultText: string;
}

type Schema = Record<string, unknown>;

/** The form's fields, one per top-level property; nested objects and arrays are edited as JSON. */
export function schemaFields(schema: Schema): SchemaField[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, property]) => {
    const type = primaryType(property);
    const options = Array.isArray(property.enum) ? property.enum.filter((v): v is string => typeof v === "string") : undefined;
    const kind: SchemaField["kind"] =
      options?.length ? "enum" : type === "string" || type === "number" || type === "integer" || type === "boolean" ? type : "json";
    const initial = property.default;
    const defaultText = initial === undefined || initial === null ? "" : kind === "json" ? JSON.stringify(initial) : String(initial);
    return { name, kind, required: required.has(name), description: str(property.description), options, defaultText };
  });
}

/**
 * Turns what was typed into tool arguments. Empty optional fields are left out; anything that does not parse
 * is named in the error, so the form says which field is wrong before anything reaches the server.
 */
export function argumentsFrom(fields: SchemaField[], values: Record<string, string>): { args: Record<string, unknown> } | { error: string } {
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const text = values[field.name] ?? field.defaultText;
    if (text === "" && field.kind !== "string") {
      if (field.required) return { error: `"${field.name}" is required.` };
      continue;
    }
    if (text === "" && !field.required) continue;
    switch (field.kind) {
      case "boolean":
        args[field.name] = text === "true";
        break;
      case "number":
      case "integer": {
        const n = Number(text);
        if (!Number.isFinite(n) || (field.kind === "integer" && !Number.isInteger(n)))
          return { error: `"${field.name}" must be ${field.kind === "integer" ? "a whole number" : "a number"}, not "${text}".` };
        args[field.name] = n;
        break;
      }
      case "json":
        try {
          args[field.name] = JSON.parse(text);
        } catch {
          return { error: `"${field.name}" is not valid JSON.` };
        }
        break;
      default:
        args[field.name] = text;
    }
  }
  return { args };
}

function primaryType(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t) => t !== "null");
  return undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
