import { useT } from "./i18n";
import { uiMessages } from "./i18nCatalog";

/**
 * Whether a live stream is connected: null while connecting, false while reconnecting. As wide
 * as its longest word, so a header whose buttons wrap does not re-wrap when it connects.
 */
export function LiveIndicator({ connected }: { connected: boolean | null }) {
  const t = useT(uiMessages);
  return (
    <span
      className="inline-flex min-w-[6.5rem] items-center gap-1.5 text-xs whitespace-nowrap text-slate-500 dark:text-slate-400"
      title={connected ? t("live.onTitle") : t("live.offTitle")}
    >
      <span
        aria-hidden="true"
        className={`size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-slate-400"}`}
      />
      {connected
        ? t("live.on")
        : connected === false
          ? t("live.reconnecting")
          : t("live.connecting")}
    </span>
  );
}
