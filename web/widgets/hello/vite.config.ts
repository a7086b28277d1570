import { widgetViteConfig } from "../../scripts/widget-vite.mts";

// Builds the greeting widget into the folder the Hello sample serves.
export default widgetViteConfig(new URL("../../../samples/Hello/widgets/greeting/dist", import.meta.url));
