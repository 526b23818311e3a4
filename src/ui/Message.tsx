import type { ReactNode } from "react";

/** A message whose `backticked` parts are codes (field keys, wire values): shown as code. */
export function Message({ text }: { text: string }) {
  const nodes: ReactNode[] = [];
  let at = 0;
  let code = false;
  for (const part of text.split("`")) {
    nodes.push(
      code ? (
        <code key={at} className="rounded bg-black/5 px-1 font-mono text-[0.85em] dark:bg-white/10">
          {part}
        </code>
      ) : (
        part
      ),
    );
    at += part.length + 1;
    code = !code;
  }
  return <>{nodes}</>;
}
