import { describe, expect, it } from "vitest";
import { ApiError } from "./client";
import { effectiveToken } from "./settings";

describe("errors in people's words", () => {
  it("says what happened and what to do, keeping the API's message as the detail", () => {
    const e = new ApiError("http", "Unauthorized: Send Authorization: Bearer <token>.", 401);
    expect(e.explained.what).toBe("The API did not accept your token.");
    expect(e.explained.next).toMatch(/Settings/);
    expect(e.explained.detail).toBe(e.message);
    expect(new ApiError("network", "fetch failed").explained.what).toBe(
      "The console cannot reach the API.",
    );
    expect(new ApiError("http", "boom", 503).explained.what).toBe("The API failed on its side.");
    expect(new ApiError("contract", "bad shape").explained.next).toMatch(/version/);
    expect(new ApiError("http", "teapot", 418).explained.what).toBe("The API refused the request.");
  });

  it("an empty token means the embedded emulator's default, only for the console's own server", () => {
    expect(effectiveToken("", "")).toBe("dev");
    expect(effectiveToken("", "  ")).toBe("dev");
    expect(effectiveToken("", "business")).toBe("business");
    expect(effectiveToken("https://api.example", "")).toBe("");
  });
});
