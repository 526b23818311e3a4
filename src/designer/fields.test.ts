import { describe, expect, it } from "vitest";
import { configFields } from "./fields";

describe("inspector fields from the zod schemas", () => {
  it("turns enums, ranges, booleans and defaults into form fields", () => {
    const compute = configFields("compute");
    expect(compute.find((f) => f.key === "subtipo")).toMatchObject({
      kind: "enum",
      options: ["web", "worker", "cron"],
      required: true,
    });
    expect(compute.find((f) => f.key === "replicas_min")).toMatchObject({
      kind: "number",
      int: true,
      min: 1,
      max: 100,
    });
    expect(compute.find((f) => f.key === "porta")).toMatchObject({
      kind: "number",
      required: false,
      defaultValue: 8080,
    });
    expect(compute.find((f) => f.key === "fabric")).toMatchObject({
      kind: "string",
      ref: "fabric",
      required: false,
    });
    const gateway = configFields("gateway");
    const hc = gateway.find((f) => f.key === "health_check");
    expect(hc?.kind).toBe("object");
    if (hc?.kind === "object")
      expect(hc.fields.find((f) => f.key === "intervalo_s")).toMatchObject({
        min: 5,
        max: 300,
        defaultValue: 10,
      });
    expect(configFields("datastore").find((f) => f.key === "ha")).toMatchObject({
      kind: "boolean",
      required: true,
    });
    expect(configFields("sentinel").find((f) => f.key === "regras")).toMatchObject({
      kind: "multi",
    });
    expect(configFields("autoscale").find((f) => f.key === "alvo")).toMatchObject({
      ref: "compute",
    });
  });
});
