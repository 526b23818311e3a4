import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { startEmulator } from "../emulator/testing/process";
import { GLOBAL_SAAS, SINGLE_REGION_WEB } from "../src/blueprint";
import { formatBudget, formatSli } from "../src/monitor/format";

const DEV = { Authorization: "Bearer dev" };

/** Submits the page's Global SaaS to the test's emulator and waits until it is deployed. */
async function activeProject(page: Page): Promise<string> {
  const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/v1/projetos/${id}`, { headers: DEV })).json()).status,
    )
    .toBe("ativo");
  return id;
}

test("monitor a deployed seed blueprint and run a failover drill on its primary region", async ({
  page,
}) => {
  const id = await activeProject(page);
  const estado = await (
    await page.request.get(`/v1/projetos/${id}/estado`, { headers: DEV })
  ).json();
  const primary: string = estado.datastores[0].primario;
  const city = { "sa-east-1": "São Paulo", "us-east-1": "Ashburn", "eu-central-1": "Frankfurt" }[
    primary
  ];

  await page.goto(`/projects/${id}`);
  await page.getByRole("link", { name: "Monitor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Global SaaS: monitor" })).toBeVisible();

  // SLO cards with numbers, per region and global.
  const slos = page.getByRole("region", { name: "Service level objectives" });
  // The Availability card shows the figures the API computed for this project (its SLI over
  // the window and the error budget left), not only the objective, which is a constant.
  const availabilityCard = slos.getByRole("region", { name: /Availability/ });
  await expect(availabilityCard).toContainText("99.95 %");
  await expect(async () => {
    const status = await (
      await page.request.get(`/v1/projetos/${id}/slos`, { headers: DEV })
    ).json();
    const slo = status.slos.find((s: { sli: string }) => s.sli === "disponibilidade");
    await expect(availabilityCard).toContainText(formatSli(slo.global.sli_pct, "en"), {
      timeout: 1_000,
    });
    await expect(availabilityCard).toContainText(
      formatBudget(slo.global.orcamento_restante, "en"),
      { timeout: 1_000 },
    );
  }).toPass();
  await expect(slos.getByRole("region", { name: /Latency under 300 ms/ })).toContainText(
    "Burn rate",
  );
  await expect(slos.getByText("Frankfurt").first()).toBeVisible();

  // Charts drawn from data, over the range picked.
  const charts = page.getByTestId("monitor-charts");
  const availability = charts.getByRole("img", { name: /^Availability\./ });
  await expect(availability).toHaveAttribute("aria-label", /Global: latest \d/);
  await expect(charts.getByRole("img", { name: /^Traffic per region\./ })).toHaveAttribute(
    "aria-label",
    /São Paulo: latest \d/,
  );
  await page.getByText("7 d", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "7 d" })).toBeChecked();
  await expect(availability).toHaveAttribute("aria-label", /Global: latest \d/);

  const map = page.getByRole("img", { name: /^Regions and traffic share/ });
  await expect(map).toHaveAttribute("aria-label", new RegExp(`${city} healthy`));
  // Each zone says its state in words (a screen reader does not read a tooltip): passing
  // zones with their replicas, or none when the autoscaler left the zone empty.
  const health = page.getByRole("table", { name: /^Health checks by region and zone/ });
  const zonesOf = health.getByRole("row").filter({ hasText: city });
  await expect(zonesOf).toContainText(
    /: health check passing, (\d+ of \d+ replicas healthy|no replicas in this zone)/,
  );
  await expect(zonesOf).not.toContainText("failing");

  // The drill: confirm, watch the failover and the recovery, read the report.
  await page.getByRole("button", { name: "Run failover drill" }).click();
  const dialog = page.getByRole("dialog", { name: "Run a failover drill" });
  await expect(dialog.getByLabel("Region to take down")).toHaveValue(primary);
  await dialog.getByLabel("Outage length").selectOption("300");
  await dialog.getByRole("button", { name: `Take ${city} down` }).click();
  await expect(dialog).toBeHidden();

  await expect(map).toHaveAttribute("aria-label", new RegExp(`${city} unhealthy 0 %`));
  await expect(zonesOf).toContainText("health check failing");
  await expect(page.getByText("Failover in progress:")).toBeVisible();
  const report = page.getByRole("article", { name: new RegExp(`in ${city}$`) });
  const timeline = report.getByRole("list", { name: "Drill timeline" });
  await expect(timeline).toContainText("Gateway moved traffic to");
  await expect(timeline).toContainText("Datastore replica promoted to primary in");

  await expect(report.getByText("Completed")).toBeVisible({ timeout: 20_000 });
  await expect(timeline).toContainText("Traffic restored to");
  await expect(map).toHaveAttribute("aria-label", new RegExp(`${city} healthy`));
  await expect(page.getByText("Failover in progress:")).toBeHidden();
  await expect(zonesOf).not.toContainText("failing");
  // Seed gateway: health checks every 10 s, 3 failures: detection 30 s, RTO 36 s.
  await expect(report.getByText("Detection").locator("..")).toContainText("30 s");
  await expect(report.getByText("RTO", { exact: true }).locator("..")).toContainText("36 s");
  await expect(report.getByText("RTO", { exact: true }).locator("..")).toContainText("Met");
  await expect(report.getByText("RPO (writes lost)").locator("..")).toContainText(/\d(\.\d)? s/);
});

test("a project still deploying says when monitoring starts", async ({ page }) => {
  // A second, slow emulator (1x clock: a deployment takes seconds), which the console is
  // pointed at through Settings.
  const slow = await startEmulator({ clock: 1 });
  try {
    await page.goto("/settings");
    await page.getByLabel("API address").fill(slow.url);
    await page.getByRole("button", { name: "Save and test connection" }).click();
    await expect(page.getByRole("status")).toContainText("organization demo");
    const created = await page.request.post(`${slow.url}/v1/projetos`, {
      data: GLOBAL_SAAS,
      headers: DEV,
    });
    const { id } = await created.json();
    await page.goto(`/projects/${id}/monitor`);
    await expect(page.getByText("Monitoring starts once the deployment finishes")).toBeVisible();
    await expect(page.getByRole("button", { name: "Run failover drill" })).toBeDisabled();
    await page.getByRole("link", { name: "Follow the deployment" }).click();
    await expect(page.getByTestId("project-status")).toHaveText("Deploying");
  } finally {
    await slow.stop();
  }
});

test("every series comes in one request, asked for beside the project", async ({ page }) => {
  const id = await activeProject(page);
  // The series (one `lote` request) are held back until the test lets them through; the
  // request must already be on its way while the project's own answer is.
  let open = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  const order: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/v1/projetos/")) order.push(path.replace(`/v1/projetos/${id}`, "") || "/");
  });
  let seriesRequests = 0;
  await page.route(/\/metricas(\/lote)?\?/, async (route) => {
    seriesRequests++;
    await opened;
    await route.continue();
  });
  await page.goto(`/projects/${id}/monitor`);
  const charts = page.getByRole("region", { name: "Metrics" });
  await expect(charts.getByRole("status", { name: "Loading metrics" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Regions and traffic share/ })).toBeVisible();
  // Asked for before the project's answer could have named the regions.
  expect(order.indexOf("/metricas/lote")).toBeGreaterThanOrEqual(0);
  expect(order.indexOf("/metricas/lote")).toBeLessThan(5);

  open();
  const drawn = page.getByTestId("monitor-charts");
  await expect(drawn.getByRole("img", { name: /^Availability\./ })).toBeVisible();
  await expect(drawn.getByRole("img", { name: /^Traffic per region\./ })).toBeVisible();
  await expect(drawn.getByRole("img", { name: /^Replication lag/ })).toBeVisible();
  await expect(drawn).not.toHaveAttribute("aria-busy", "true");
  expect(seriesRequests).toBe(1);
});

test("a series the API refuses shows the charts' error, and Try again draws them", async ({
  page,
}) => {
  const id = await activeProject(page);
  // The series (one request for all of them) are refused until Try again has been clicked. A
  // live event can ask for them again by itself before that (the project's runtime emits
  // them); it is refused too. The click is noted in the page as it happens: a flag set by the
  // test before clicking would let such a request through while the click waits its turn on
  // a busy machine, and the charts would recover with no button left to press.
  await page.addInitScript(() =>
    document.addEventListener(
      "click",
      (e) => {
        const button = (e.target as Element | null)?.closest?.("button");
        if (button?.textContent?.includes("Try again"))
          (window as unknown as { tryAgain: boolean }).tryAgain = true;
      },
      true,
    ),
  );
  let refused = 0;
  await page.route(/\/metricas\/lote\?/, async (route) => {
    const clicked = await page
      .evaluate(() => (window as unknown as { tryAgain?: boolean }).tryAgain === true)
      .catch(() => false);
    if (clicked) return route.continue();
    refused++;
    return route.fulfill({
      status: 400,
      contentType: "application/problem+json",
      body: JSON.stringify({
        type: "about:blank",
        title: "Range not served",
        status: 400,
        detail: "This range cannot be served right now.",
      }),
    });
  });
  test.setTimeout(120_000); // the wait below takes up to half a minute
  // The charts' window moves on with each minute, which asks for every series again: the test
  // starts early in a minute, so that cannot fall between the refusal and Try again.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 30_000) await page.waitForTimeout(60_000 - intoMinute + 500);
  await page.goto(`/projects/${id}/monitor`);
  const section = page.getByRole("region", { name: "Metrics" });
  const alert = section.getByRole("alert");
  await expect(alert).toContainText("Could not load metrics");
  await expect(page.getByTestId("monitor-charts")).toHaveCount(0);
  expect(refused).toBeGreaterThan(0);

  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(alert).toBeHidden();
  const charts = page.getByTestId("monitor-charts");
  await expect(charts.getByRole("img", { name: /^Traffic per region\./ })).toBeVisible();
  await expect(charts.getByRole("img", { name: /^Availability\./ })).toBeVisible();
});

test("when the API goes away the monitor says so in plain words, disables drills, and recovers by itself", async ({
  page,
}) => {
  const first = await startEmulator({ clock: 600 });
  const port = Number(new URL(first.url).port);
  let second: Awaited<ReturnType<typeof startEmulator>> | undefined;
  try {
    await page.goto("/settings");
    await page.getByLabel("API address").fill(first.url);
    await page.getByRole("button", { name: "Save and test connection" }).click();
    await expect(page.getByRole("status")).toContainText("organization demo");
    const created = await page.request.post(`${first.url}/v1/projetos`, {
      data: GLOBAL_SAAS,
      headers: DEV,
    });
    const { id } = await created.json();
    await expect
      .poll(
        async () =>
          (
            await (
              await page.request.get(`${first.url}/v1/projetos/${id}`, { headers: DEV })
            ).json()
          ).status,
      )
      .toBe("ativo");
    await page.goto(`/projects/${id}/monitor`);
    const drill = page.getByRole("button", { name: "Run failover drill" });
    await expect(drill).toBeEnabled();

    await first.stop();
    const alert = page.getByRole("alert").filter({ hasText: "Could not load the live state" });
    await expect(alert).toContainText("The console cannot reach the API.", { timeout: 30_000 });
    await expect(alert.getByText("Technical detail")).toBeVisible();
    await expect(drill).toBeDisabled();
    // What the cards still show is the last state, said to be so with its time.
    const health = page.getByRole("region", { name: "Health checks by zone" });
    await expect(health).toContainText(/Last known state, from \d/);
    await expect(health).toContainText("this is not live");

    // Same address, same data: the page recovers without "Try again".
    second = await startEmulator({ clock: 600, port, dataDir: first.dataDir });
    await expect(alert).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole("alert")).toHaveCount(0, { timeout: 30_000 });
    await expect(drill).toBeEnabled();
    await expect(page.getByText(/Last known state/)).toHaveCount(0);
  } finally {
    await second?.stop();
    await first.stop().catch(() => {});
  }
});

test("the charts fill their column, and follow it when the window is resized", async ({ page }) => {
  const id = await activeProject(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/projects/${id}/monitor`);
  const chart = page.getByTestId("monitor-charts").getByRole("img", { name: /^Availability\./ });
  const plot = chart.locator(".uplot");
  await expect(plot).toBeVisible();
  // The plot is as wide as its place in the grid (two columns here), then one column's width.
  const widths = async () => ({
    box: Math.round((await chart.boundingBox())?.width ?? 0),
    plot: Math.round((await plot.boundingBox())?.width ?? 0),
  });
  const wide = await widths();
  expect(wide.box).toBeGreaterThan(300);
  expect(Math.abs(wide.plot - wide.box)).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect.poll(async () => (await widths()).box).not.toBe(wide.box);
  await expect
    .poll(async () => {
      const w = await widths();
      return Math.abs(w.plot - w.box);
    })
    .toBeLessThanOrEqual(1);
});

test("the page keeps still as its parts come in, on a wide screen and on a phone", async ({
  page,
}) => {
  const id = await activeProject(page);
  // Every layout shift the browser reports, added up (the page's cumulative layout shift).
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number };
    w.shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!e.hadRecentInput) w.shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/projects/${id}/monitor`);
    await expect(page.getByRole("img", { name: /^Regions and traffic share/ })).toBeVisible();
    await expect(page.getByText("Error budget left").first()).toBeVisible();
    await expect(page.getByTestId("monitor-charts")).not.toHaveAttribute("aria-busy");
    await expect(page.getByTestId("monitor-charts").locator(".uplot").first()).toBeVisible();
    // Drawn and settled: one more frame for the last chart's layout.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
    expect(shift, `layout shift at ${width} px`).toBeLessThan(0.02);
  }
});

test("a drill's report has an address of its own, from the history and from the project's events", async ({
  page,
}) => {
  const id = await activeProject(page);
  const started = await page.request.post(`/v1/projetos/${id}/testes-failover`, {
    data: { regiao: "us-east-1", duracao_s: 120 },
    headers: DEV,
  });
  expect(started.status()).toBe(202);
  const drill = await started.json();
  await expect
    .poll(
      async () =>
        (
          await (
            await page.request.get(`/v1/projetos/${id}/testes-failover/${drill.id}`, {
              headers: DEV,
            })
          ).json()
        ).status,
    )
    .toBe("concluido");

  await page.goto(`/projects/${id}/monitor`);
  const history = page.getByRole("table", { name: "Failover history" });
  await history.getByRole("link", { name: /^Report of the drill in Ashburn/ }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${id}/drills/${drill.id}$`));
  await expect(
    page.getByRole("heading", { level: 1, name: "Failover drill in Ashburn: Global SaaS" }),
  ).toBeVisible();
  const report = page.getByRole("article", { name: /in Ashburn$/ });
  await expect(report.getByText("Completed")).toBeVisible();
  await expect(report.getByRole("list", { name: "Drill timeline" })).toContainText(
    "Health checks declared the region unhealthy",
  );
  await expect(report.getByText("RTO", { exact: true }).locator("..")).toContainText("estimated");

  // A reload keeps it: the report lives at its address, not in the page that started it.
  await page.reload();
  await expect(report.getByText("Completed")).toBeVisible();

  // The project's events lead to it too.
  await page.goto(`/projects/${id}`);
  const log = page.getByRole("list", { name: "Event log" });
  await log.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/projects/${id}/drills/${drill.id}$`));
});

test("a single-region design drills one zone from the Monitor, and is told why not its region", async ({
  page,
}) => {
  const created = await page.request.post("/v1/projetos", {
    data: SINGLE_REGION_WEB,
    headers: DEV,
  });
  const { id } = await created.json();
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/v1/projetos/${id}`, { headers: DEV })).json()).status,
    )
    .toBe("ativo");
  await page.goto(`/projects/${id}/monitor`);
  await page.getByRole("button", { name: "Run failover drill" }).click();
  const dialog = page.getByRole("dialog", { name: "Run a failover drill" });
  // The whole region: refused by the safety rules, with the reason and what to do instead.
  await dialog.getByRole("button", { name: "Take São Paulo down" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "would leave no region serving: this project runs in one region. Drill a zone",
  );
  // One zone: every on-path resource spans two zones, so São Paulo keeps serving.
  await dialog.getByLabel("What to take down").selectOption({ label: "Zone sa-east-1b only" });
  await dialog.getByRole("button", { name: "Take zone sa-east-1b down" }).click();
  await expect(dialog).toBeHidden();
  const report = page.getByRole("article", { name: /^Drill tf_/ });
  await expect(report.getByRole("heading")).toHaveText(
    "Zone sa-east-1b (São Paulo) down for 2 min",
  );
  await expect(report).toContainText("Completed", { timeout: 30_000 });
  await expect(report.getByRole("list", { name: "Drill timeline" })).toContainText(
    "Health checks declared zone sa-east-1b unhealthy; its region keeps serving",
  );
});

test("Export SLOs downloads the Prometheus rules and the OpenSLO documents of the project", async ({
  page,
}) => {
  const id = await activeProject(page);
  await page.goto(`/projects/${id}/monitor`);
  const slos = page.getByRole("region", { name: "Service level objectives" });
  for (const [item, expected] of [
    ["Prometheus rules (YAML)", [`projeto: ${id}`, "alert: TesserraSloBurnRate", "severity: page"]],
    ["OpenSLO v1 (YAML)", ["apiVersion: openslo/v1", "kind: AlertPolicy", "kind: burnrate"]],
  ] as const) {
    await slos.getByRole("button", { name: "Export SLOs" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: new RegExp(item.replace(/[()]/g, "\\$&")) }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^${id}-slos-(prometheus|openslo)\\.yaml$`),
    );
    const text = readFileSync((await file.path()) ?? "", "utf8");
    for (const e of expected) expect(text).toContain(e);
  }
});
