/**
 * A message with no ICU syntax (no argument, plural or select, no quoting): it reads exactly as
 * written, so it needs no parsing or formatting. Shared by the build, which ships such messages
 * as plain strings, and the formatter, which returns them as they are.
 */
export function isPlainMessage(message: unknown): message is string {
  return typeof message === "string" && !/[{}']/.test(message);
}
