/** Benchmarks' fixtures on a running emulator: a project created and deployed. */
import type { Blueprint } from "../src/blueprint";

const AUTH = { Authorization: "Bearer dev", "Content-Type": "application/json" };

/** Creates a project from `blueprint`; with `active`, waits until its deployment is done. */
export async function createProject(
  baseUrl: string,
  blueprint: Blueprint,
  { active = false } = {},
): Promise<string> {
  const created = await fetch(`${baseUrl}/v1/projetos`, {
    method: "POST",
    headers: AUTH,
    body: JSON.stringify(blueprint),
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  while (active) {
    const r = await fetch(`${baseUrl}/v1/projetos/${id}`, { headers: AUTH });
    if (((await r.json()) as { status: string }).status === "ativo") break;
    await new Promise((res) => setTimeout(res, 200));
  }
  return id;
}
