/** Where promtool is (Debian's prometheus package; .ci/run installs it as it does chromium). Tests only. */
import { execFileSync } from "node:child_process";

export function promtool(): string {
  for (const path of ["/usr/bin/promtool", "/usr/local/bin/promtool"])
    try {
      execFileSync(path, ["--version"], { stdio: "ignore" });
      return path;
    } catch {}
  throw new Error("promtool is not installed: apt-get install -y prometheus (see .ci/run)");
}
