import type { Blueprint, Recurso } from "../src/blueprint";

/**
 * A deterministic multi-region blueprint of `size` resources that uses every product and real
 * connections, for benchmarks. Past the contract's 500 resources it stays well formed except
 * for that limit.
 */
export function syntheticBlueprint(size: number): Blueprint {
  const recursos: Recurso[] = [];
  const computes: string[] = [];
  const gateways: string[] = [];
  const fabrics: string[] = [];
  for (let i = 0; recursos.length < size; i++) {
    const slot = i % 10;
    const nome = `r${i}`;
    switch (slot) {
      case 0:
        gateways.push(nome);
        recursos.push({
          tipo: "gateway",
          nome,
          config: { dominio: `s${i}.example.com`, tls: true },
          conexoes: [],
        });
        break;
      case 1:
        fabrics.push(nome);
        recursos.push({ tipo: "fabric", nome, config: { cidr: "10.0.0.0/16" } });
        break;
      case 2:
      case 3:
      case 4: {
        const conexoes = computes.length ? [computes[computes.length - 1]] : [];
        recursos.push({
          tipo: "compute",
          nome,
          config: {
            subtipo: "web",
            replicas_min: 3,
            replicas_max: 12,
            fabric: fabrics[fabrics.length - 1],
          },
          conexoes,
        });
        computes.push(nome);
        const gw = recursos.find((r) => r.nome === gateways[gateways.length - 1]);
        gw?.conexoes?.push(nome);
        break;
      }
      case 5:
        recursos.push({
          tipo: "datastore",
          nome,
          config: { engine: "postgres", ha: true, tamanho_gb: 100 },
        });
        recursos.find((r) => r.nome === computes[computes.length - 1])?.conexoes?.push(nome);
        break;
      case 6:
        recursos.push({ tipo: "archive", nome, config: { classe: "padrao" } });
        break;
      case 7: {
        const alvo = computes[computes.length - 1];
        recursos.push({
          tipo: "autoscale",
          nome,
          config: { alvo, metrica: "rps", limiar: 400 },
          conexoes: [alvo],
        });
        break;
      }
      case 8:
        recursos.push({
          tipo: "sentinel",
          nome,
          config: { modo: "bloqueio" },
          conexoes: [gateways[gateways.length - 1]],
        });
        break;
      default:
        recursos.push({ tipo: "insight", nome, config: { retencao_dias: 30, alertas: true } });
    }
  }
  return { nome: `Synthetic ${size}`, resiliencia: "multi-regiao", recursos };
}
