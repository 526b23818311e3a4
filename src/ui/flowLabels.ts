import type { AriaLabelConfig } from "@xyflow/react";
import { useMemo } from "react";
import { useT } from "./i18n";
import { uiMessages } from "./i18nCatalog";

/** React Flow's own labels and announcements, in the console's language. */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const t = useT(uiMessages);
  return useMemo(
    () => ({
      "node.a11yDescription.default": t("flow.node"),
      "node.a11yDescription.keyboardDisabled": t("flow.nodeKeyboard"),
      "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }) =>
        t("flow.moved", { direction, x, y }),
      "edge.a11yDescription.default": t("flow.edge"),
      "controls.ariaLabel": t("flow.controls"),
      "controls.zoomIn.ariaLabel": t("flow.zoomIn"),
      "controls.zoomOut.ariaLabel": t("flow.zoomOut"),
      "controls.fitView.ariaLabel": t("flow.fitView"),
      "controls.interactive.ariaLabel": t("flow.interactive"),
      "minimap.ariaLabel": t("flow.minimap"),
      "handle.ariaLabel": t("flow.handle"),
    }),
    [t],
  );
}
