import { widgetVitestConfig } from "../../scripts/widget-vite";

export default widgetVitestConfig();
