import { widgetViteConfig } from "../../scripts/widget-vite.mts";

// Builds the board widget into the folder the Board sample serves.
export default widgetViteConfig(new URL("../../../samples/Board/widgets/board/dist", import.meta.url));
