import { widgetVitestConfig } from "../../scripts/widget-vite.mts";

export default widgetVitestConfig();
