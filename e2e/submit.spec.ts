import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freshDataDir, startEmulator } from "../emulator/testing/process";
import { fromTemplate, submitPanel } from "./designerSteps";

const DEV = { Authorization: "Bearer dev" };

const panel = submitPanel;

test("design, submit, review the plan, apply, and watch the deployment finish", async ({
  page,
}) => {
  await fromTemplate(page, "Global SaaS");
  await page.getByRole("button", { name: "Submit" }).click();
  const plan = panel(page).getByRole("list", { name: "Plan" });
  await expect(plan.getByRole("listitem")).toHaveCount(4);
  await expect(plan).toContainText("create");
  // The plan is on the canvas too.
  await expect(page.getByTestId("node-app-global")).toHaveAttribute("data-overlay", "criar");

  await panel(page).getByRole("button", { name: "Create project" }).click();
  await expect(panel(page)).toContainText("Project created; deployment started.");
  // The title says what happened, not yet "Update project".
  await expect(panel(page).getByRole("heading", { level: 2 })).toHaveText("Project created");
  // The panel sits beside the inspector, not over it.
  const panelBox = await panel(page).boundingBox();
  const inspectorBox = await page.getByRole("complementary", { name: "Inspector" }).boundingBox();
  expect(panelBox && inspectorBox && panelBox.x + panelBox.width <= inspectorBox.x).toBe(true);
  await panel(page).getByRole("link", { name: "View deployment" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Global SaaS" })).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("Active");
  const diagram = page.getByRole("region", { name: "Project diagram" });
  await expect(diagram.locator('[data-status="pronto"]')).toHaveCount(12);
  const projectUrl = page.url();

  // Back in the designer, a change is planned against the deployed version and applied.
  await page.goBack();
  await page.getByTestId("node-app-global").click();
  await page
    .getByRole("form", { name: "Inspector: app-global" })
    .getByLabel("Maximum replicas")
    .fill("20");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(panel(page)).toContainText("Update project");
  await expect(panel(page).getByRole("list", { name: "Plan" })).toContainText(
    "/config/replicas_max",
  );
  await expect(page.getByTestId("node-app-global")).toHaveAttribute("data-overlay", "alterar");
  await panel(page).getByRole("button", { name: "Apply plan" }).click();
  await expect(panel(page)).toContainText("Update applied");
  await page.goto(projectUrl);
  await expect(page.getByText("v2", { exact: true })).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("Active");
});

test("the server's findings land on the nodes and in Problems like local ones", async ({
  page,
}) => {
  // The designer checks against the enterprise plan; the token's account is on business,
  // which the server knows and the designer does not: only the server can refuse this.
  await page.goto("/settings");
  await page.getByLabel("Token").fill("business");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(page.getByRole("status")).toContainText("plan Business");
  await fromTemplate(page, "Global SaaS");
  await page.getByTestId("node-db-global").click();
  await page
    .getByRole("form", { name: "Inspector: db-global" })
    .getByLabel("Replication")
    .selectOption("sincrona");
  await expect(page.getByRole("region", { name: "Problems" })).toContainText("0 errors");

  await page.getByRole("button", { name: "Submit" }).click();
  await expect(panel(page).getByRole("alert")).toContainText("The server found 1 error");
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems).toContainText("plano-insuficiente");
  await expect(page.getByTestId("node-db-global")).toHaveAttribute("aria-label", /1 error,/);
  await problems.getByRole("button", { name: /plano-insuficiente/ }).click();
  await expect(
    page.getByRole("form", { name: "Inspector: db-global" }).getByLabel("Replication"),
  ).toBeFocused();

  // Fixing it clears the server's finding with the next edit.
  await page
    .getByRole("form", { name: "Inspector: db-global" })
    .getByLabel("Replication")
    .selectOption("assincrona");
  await expect(problems).toContainText("0 errors");
  await expect(page.getByTestId("node-db-global")).toHaveAttribute("aria-label", /no problems/);
});

test("a change made elsewhere answers 412 and shows the newer version's plan", async ({ page }) => {
  await fromTemplate(page, "Single-region web application");
  await page.getByRole("button", { name: "Submit" }).click();
  await panel(page).getByRole("button", { name: "Create project" }).click();
  await expect(panel(page)).toContainText("Project created");
  const projects = await (await page.request.get("/v1/projetos", { headers: DEV })).json();
  const id = projects.find((p: { nome: string }) => p.nome === "Single-region web application").id;

  // Plan, then someone else applies a version first: applying ours answers 412.
  await page.getByRole("button", { name: "Close submit panel" }).click();
  await page.getByTestId("node-web").click();
  await page.getByRole("form", { name: "Inspector: web" }).getByLabel("Maximum replicas").fill("9");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(panel(page).getByRole("button", { name: "Apply plan" })).toBeVisible();
  const current = await page.request.get(`/v1/projetos/${id}`, { headers: DEV });
  const elsewhere = { ...(await current.json()).blueprint, nome: "Renamed elsewhere" };
  const put = await page.request.put(`/v1/projetos/${id}`, {
    data: elsewhere,
    headers: { ...DEV, "If-Match": current.headers().etag },
  });
  expect(put.status()).toBe(200);
  await panel(page).getByRole("button", { name: "Apply plan" }).click();
  await expect(panel(page)).toContainText("The project changed elsewhere");
  // The newer version's plan: our name differs from theirs now, and our replicas too.
  await expect(panel(page).getByRole("list", { name: "Plan" })).toContainText(
    "/config/replicas_max",
  );
  await panel(page).getByRole("button", { name: "Apply plan" }).click();
  await expect(panel(page)).toContainText("Update applied");
  const after = await (await page.request.get(`/v1/projetos/${id}`, { headers: DEV })).json();
  expect(after.versao).toBe(3);
});

test("a submit against a stopped emulator keeps the draft, and the retry creates one project", async ({
  page,
}) => {
  const dataDir = freshDataDir();
  // The OS gives the first process a free port; the restart below comes back on the same one.
  let emu = await startEmulator({ dataDir, clock: 60 });
  const port = Number(new URL(emu.url).port);
  try {
    await page.goto("/settings");
    await page.getByLabel("API address").fill(emu.url);
    await page.getByRole("button", { name: "Save and test connection" }).click();
    await expect(page.getByRole("status")).toContainText("organization demo");

    await fromTemplate(page, "Secure edge ingress");
    const nodesBefore = await page.locator(".react-flow__node").count();
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(panel(page).getByRole("button", { name: "Create project" })).toBeVisible();

    await emu.stop();
    await panel(page).getByRole("button", { name: "Create project" }).click();
    const alert = panel(page).getByRole("alert");
    await expect(alert).toContainText("Submission failed");
    await expect(alert).toContainText(`Could not reach the Tesserra API at ${emu.url}`);
    await expect(alert).toContainText("Your design is unchanged");
    await expect(page.locator(".react-flow__node")).toHaveCount(nodesBefore);
    await expect(page.getByRole("status", { name: "Draft status" })).toHaveText("Draft saved");

    emu = await startEmulator({ dataDir, port, clock: 60 });
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(panel(page)).toContainText("Project created");
    const list = await (await page.request.get(`${emu.url}/v1/projetos`, { headers: DEV })).json();
    expect(list.filter((p: { nome: string }) => p.nome === "Secure edge ingress")).toHaveLength(1);
  } finally {
    await emu.stop();
  }
});

test("a design over the API's 1 MB limit is refused before anything is sent", async ({ page }) => {
  // Valid, and about 1.5 MB as JSON: 250 insights with 50 SLOs each.
  const slos = Array.from({ length: 50 }, (_, i) => ({
    nome: `availability-objective-number-${i}`,
    sli: "disponibilidade",
    objetivo: 99.5,
    janela_dias: 28,
  }));
  const big = {
    nome: "Very large",
    resiliencia: "zona-unica",
    recursos: Array.from({ length: 250 }, (_, i) => ({
      tipo: "insight",
      nome: `insight-${i}`,
      config: { retencao_dias: 30, alertas: true, slos },
    })),
  };
  const file = join(tmpdir(), `${Date.now()}-large.json`);
  writeFileSync(file, JSON.stringify(big));
  await page.goto("/designer");
  await page.getByRole("button", { name: "New blank design" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await (await chooser).setFiles(file);
  await expect(page.locator(".react-flow__node")).not.toHaveCount(0);
  await expect(page.getByRole("region", { name: "Problems" })).toContainText("0 errors");

  let sent = 0;
  await page.route(/\/v1\//, (route) => {
    sent++;
    return route.continue();
  });
  await page.getByRole("button", { name: "Submit" }).click();
  const alert = panel(page).getByRole("alert");
  await expect(alert).toContainText(
    /This blueprint is 1\.\d MB as JSON; the Tesserra API accepts at most 1 MB in one request/,
  );
  await expect(alert).toContainText("Nothing was sent.");
  expect(sent).toBe(0);
});
