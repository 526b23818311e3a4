/** A message whose `backticked` parts are codes (field keys, wire values): shown as code. */
export function Message({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <code
            key={i}
            className="rounded bg-black/5 px-1 font-mono text-[0.85em] dark:bg-white/10"
          >
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
