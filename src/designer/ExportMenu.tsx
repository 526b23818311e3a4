/** The editor's Export menu: the blueprint as a file or on the clipboard, the diagram as PNG or SVG. */
import { type Edge, useReactFlow } from "@xyflow/react";
import type { RefObject } from "react";
import { downloadText, downloadUrl } from "../ui/download";
import { useT } from "../ui/i18n";
import { Menu } from "../ui/Menu";
import type { Doc } from "./doc";
import { blueprintFileName, blueprintFileText } from "./exportJson";
import type { FlowNode } from "./flow";
import { designerMessages } from "./i18n";
import type { Notice } from "./useImport";

export function ExportMenu({
  doc,
  canvasRef,
  onNotice,
}: {
  doc: Doc;
  canvasRef: RefObject<HTMLDivElement | null>;
  onNotice: (n: Notice) => void;
}) {
  const t = useT(designerMessages);
  const rf = useReactFlow<FlowNode, Edge>();

  async function exportImage(format: "png" | "svg") {
    if (!canvasRef.current?.querySelector(".react-flow__viewport")) {
      onNotice({ tone: "error", text: t("editor.switchToCanvas") });
      return;
    }
    try {
      const dark = matchMedia("(prefers-color-scheme: dark)").matches;
      const title = typeof doc.nome === "string" && doc.nome ? doc.nome : t("editor.untitled");
      // The drawing code loads on first use: it is not needed to edit.
      const { diagramImage, diagramParts } = await import("./exportImage");
      const url = await diagramImage(format, diagramParts(rf, t), dark, title);
      downloadUrl(url, blueprintFileName(doc).replace(/\.blueprint\.json$/, `.${format}`));
    } catch (e) {
      onNotice({
        tone: "error",
        text: t("editor.imageFailed", { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  }

  return (
    <Menu
      align="right"
      label={t("editor.export")}
      items={[
        {
          label: t("editor.downloadBlueprint"),
          description: blueprintFileName(doc),
          onSelect: () => downloadText(blueprintFileText(doc), blueprintFileName(doc)),
        },
        {
          label: t("editor.copyJson"),
          description: t("editor.copyJsonHelp"),
          onSelect: () =>
            void navigator.clipboard.writeText(blueprintFileText(doc)).then(
              () => onNotice({ tone: "info", text: t("editor.copied") }),
              () => onNotice({ tone: "error", text: t("editor.copyRefused") }),
            ),
        },
        {
          label: t("editor.downloadPng"),
          description: t("editor.downloadPngHelp"),
          onSelect: () => void exportImage("png"),
        },
        {
          label: t("editor.downloadSvg"),
          description: t("editor.downloadSvgHelp"),
          onSelect: () => void exportImage("svg"),
        },
      ]}
    />
  );
}
