/** Whether a live stream is connected: null while connecting, false while reconnecting. */
export function LiveIndicator({ connected }: { connected: boolean | null }) {
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400"
      title={connected ? "Receiving live events" : "Reconnecting to the event stream"}
    >
      <span
        aria-hidden="true"
        className={`size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-slate-400"}`}
      />
      {connected ? "Live" : connected === false ? "Reconnecting…" : "Connecting…"}
    </span>
  );
}
