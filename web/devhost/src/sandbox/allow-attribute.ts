import type { McpUiResourcePermissions } from "@modelcontextprotocol/ext-apps/app-bridge";

const features: Record<string, string> = {
  camera: "camera",
  microphone: "microphone",
  geolocation: "geolocation",
  clipboardWrite: "clipboard-write",
};

/**
 * The inner frame's `allow` attribute for the permissions a resource asks for. Written here rather than imported
 * from ext-apps so the sandbox page stays a 1 KB script instead of pulling in the whole bridge.
 */
export function allowAttribute(permissions: McpUiResourcePermissions | undefined): string {
  return Object.keys(permissions ?? {})
    .map((name) => features[name])
    .filter((feature): feature is string => feature !== undefined)
    .join("; ");
}
