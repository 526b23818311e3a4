import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { checkRules } from "../blueprint/rules";
import { validateBlueprint } from "../blueprint/validate";
import { formatPercent, formatUsd } from "./format";
import { defineCatalog, formatMessage, LOCALES, loadLocale, negotiateLocale } from "./index";

const ROOT = resolve(import.meta.dirname, "../..");

/** Every catalog folder in the repository: `…/messages/en.json` and its siblings. */
function catalogFolders(): string[] {
  return ["src", "emulator", "cli"].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name === "en.json" && e.parentPath.endsWith("messages"))
      .map((e) => relative(ROOT, e.parentPath)),
  );
}

/** The argument names a message uses, with their kinds (`count:plural`, `name:argument`). */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) out.add(`${el.value}:argument`);
    if (el.type === TYPE.number) out.add(`${el.value}:number`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    }
  }
  return out;
}

describe("message catalogs", () => {
  const folders = catalogFolders();

  it("are found in every area that speaks", () => {
    expect(folders.length).toBeGreaterThanOrEqual(5);
  });

  for (const folder of folders)
    describe(folder, () => {
      const read = (locale: string) =>
        JSON.parse(readFileSync(join(ROOT, folder, `${locale}.json`), "utf8")) as Record<
          string,
          string
        >;
      const en = read("en");

      for (const locale of LOCALES.filter((l) => l !== "en"))
        it(`${locale} has exactly the English keys, each with the same arguments`, () => {
          const other = read(locale);
          expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
          for (const key of Object.keys(en))
            expect([key, [...argumentsOf(parse(other[key], { ignoreTag: true }))].sort()]).toEqual([
              key,
              [...argumentsOf(parse(en[key], { ignoreTag: true }))].sort(),
            ]);
        });

      it("formats every message as intl-messageformat does with its own formatters", async () => {
        const pt = read("pt-BR");
        const catalog = defineCatalog(en, { "pt-BR": async () => ({ default: pt }) });
        await catalog.load("pt-BR");
        for (const locale of LOCALES)
          for (const [key, source] of Object.entries(locale === "en" ? en : pt)) {
            // Plain arguments get strings, an empty one and numbers in turn; the rest 1 or 1,234.5
            // (plural rules' "one" and "other").
            // The library with its own formatters is the reference for the formatters kept here.
            const values: Record<string, string | number> = {};
            const plain = [(name: string) => `«${name}»`, () => "", () => 1234.5, () => 0];
            let k = 0;
            for (const arg of argumentsOf(parse(source, { ignoreTag: true }))) {
              const [name, kind] = arg.split(":");
              values[name] =
                kind === "argument" ? plain[k % plain.length](name) : k % 2 ? 1 : 1234.5;
              k++;
            }
            const reference = String(
              new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).format(values),
            );
            expect([key, formatMessage(catalog, locale, key, values)]).toEqual([key, reference]);
          }
      });

      it("has no message left untranslated by accident", () => {
        const pt = read("pt-BR");
        // A few words read the same in both languages (product names, "Status"); longer text never does.
        const same = Object.keys(en).filter((k) => en[k] === pt[k] && en[k].split(" ").length > 3);
        expect(same).toEqual([]);
      });
    });
});

describe("formatMessage", () => {
  const catalog = defineCatalog(
    { regions: "{count, plural, one {# region} other {# regions}}", only: "English only" },
    {
      "pt-BR": async () => ({
        default: { regions: "{count, plural, one {# região} other {# regiões}}" },
      }),
    },
  );

  it("uses ICU plurals and the locale's numbers", async () => {
    await catalog.load("pt-BR");
    expect(formatMessage(catalog, "en", "regions", { count: 1 })).toBe("1 region");
    expect(formatMessage(catalog, "en", "regions", { count: 1200 })).toBe("1,200 regions");
    expect(formatMessage(catalog, "pt-BR", "regions", { count: 1200 })).toBe("1.200 regiões");
  });

  it("keeps two areas' messages apart when they share a key", () => {
    const none = { "pt-BR": async () => ({ default: {} }) };
    const a = defineCatalog({ title: "{name}: monitor" }, none);
    const b = defineCatalog({ title: "Delete {name}?" }, none);
    expect(formatMessage(a, "en", "title", { name: "x" })).toBe("x: monitor");
    expect(formatMessage(b, "en", "title", { name: "x" })).toBe("Delete x?");
  });

  it("keeps locales, plural kinds and number styles apart in the shared Intl formatters", async () => {
    const same = {
      place: "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
      size: "{n, number} GB",
      share: "{n, number, percent}",
    };
    const c = defineCatalog(same, { "pt-BR": async () => ({ default: same }) });
    await c.load("pt-BR");
    const run = () => [
      formatMessage(catalog, "en", "regions", { count: 2 }),
      formatMessage(c, "en", "place", { n: 2 }),
      formatMessage(c, "en", "place", { n: 23 }),
      formatMessage(c, "en", "place", { n: 11 }),
      formatMessage(catalog, "pt-BR", "regions", { count: 1 }),
      formatMessage(c, "en", "size", { n: 1234.5 }),
      formatMessage(c, "pt-BR", "size", { n: 1234.5 }),
      formatMessage(c, "en", "share", { n: 0.25 }),
      formatMessage(c, "en", "size", { n: 0.25 }),
    ];
    const expected = [
      "2 regions",
      "2nd",
      "23rd",
      "11th",
      "1 região",
      "1,234.5 GB",
      "1.234,5 GB",
      "25%",
      "0.25 GB",
    ];
    expect(run()).toEqual(expected);
    expect(run()).toEqual(expected); // the second time from the formatters kept
  });

  it("falls back to English for a message a locale lacks", () => {
    expect(formatMessage(catalog, "pt-BR", "only")).toBe("English only");
  });
});

describe("negotiateLocale", () => {
  it.each([
    ["pt-BR,pt;q=0.9,en;q=0.8", "pt-BR"],
    ["pt", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE, pt;q=0.5", "pt-BR"],
    ["fr", "en"],
    ["en;q=0.1, pt-BR;q=0.9", "pt-BR"],
    ["pt_BR.UTF-8", "pt-BR"],
    ["C.UTF-8", "en"],
    ["", "en"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("reads navigator.languages in order", () => {
    expect(negotiateLocale(["fr-FR", "pt-BR", "en"])).toBe("pt-BR");
    expect(negotiateLocale(["en-US", "pt-BR"])).toBe("en");
  });
});

describe("Intl formatting", () => {
  it("writes percentages and money the locale's way", () => {
    expect(formatPercent("en", 99.95, 2)).toBe("99.95%");
    expect(formatPercent("pt-BR", 99.95, 2)).toBe("99,95%");
    expect(formatUsd("en", 1089.2)).toBe("$1,089.20");
    expect(formatUsd("pt-BR", 1089.2)).toBe("US$\u00a01.089,20");
  });
});

describe("findings in Portuguese", () => {
  it("validation and rules speak the locale asked for, codes and pointers unchanged", async () => {
    await loadLocale("pt-BR");
    const doc = {
      versao: "1",
      nome: "x",
      resiliencia: "multi-regiao",
      regioes: ["sa-east-1"],
      recursos: [{ tipo: "compute", nome: "app", config: { replicas_min: 3, replicas_max: 1 } }],
    };
    const en = checkRules(doc);
    const pt = checkRules(doc, { locale: "pt-BR" });
    expect(pt.map((f) => [f.ponteiro, f.codigo])).toEqual(en.map((f) => [f.ponteiro, f.codigo]));
    expect(pt.find((f) => f.codigo === "replicas-invalidas")?.mensagem).toBe(
      "Réplicas mínimas (`replicas_min`) é 3, mais que o máximo (`replicas_max`) de 1. Diminua o mínimo ou aumente o máximo.",
    );
    const shape = validateBlueprint({ ...doc, nome: 7 }, { locale: "pt-BR" });
    expect(shape.problemas.find((f) => f.ponteiro === "/nome")?.mensagem).toBe(
      "Deve ser um texto; recebido um número.",
    );
  });
});
