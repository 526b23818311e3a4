import { useEffect, useId } from "react";
import {
  ALLOWED_CONNECTIONS,
  connectionRefusal,
  type Finding,
  type TipoRecurso,
} from "../blueprint";
import { formatList, formatNumber } from "../i18n/format";
import { buttonClass } from "../ui/Card";
import { wireLabel } from "../ui/glossary";
import { useLocale, useT } from "../ui/i18n";
import { Message } from "../ui/Message";
import {
  configOf,
  connect as connectDoc,
  connectionsOf,
  deleteResources,
  disconnect,
  type Json,
  type JsonObject,
  nameOf,
  type Resource,
  renameResource,
  resourcesOf,
  setResourceField,
  typeOf,
} from "./doc";
import { configFields, type FieldSpec } from "./fields";
import { focusConnection } from "./focusKeeper";
import { designerMessages } from "./i18n";
import { PrimaryRegionField } from "./PrimaryRegion";
import { ProductIcon } from "./ProductIcon";
import { PRODUCT_BY_TYPE } from "./products";
import { useDesigner, useDoc, useFindings } from "./store";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-950";

export function fieldId(pointer: string): string {
  return `field-${pointer}`;
}

/** Moves focus to the field a Problems entry points at, once it is rendered. */
export function useFocusRequests() {
  const request = useDesigner((s) => s.focusRequest);
  useEffect(() => {
    if (!request) return;
    const t = setTimeout(() => {
      let pointer = request.pointer;
      for (;;) {
        const el = document.getElementById(fieldId(pointer));
        if (el) {
          el.focus();
          el.scrollIntoView({ block: "nearest" });
          return;
        }
        const cut = pointer.lastIndexOf("/");
        if (cut <= 0) return;
        pointer = pointer.slice(0, cut);
      }
    }, 30);
    return () => clearTimeout(t);
  }, [request]);
}

export function FieldMessages({ findings, id }: { findings: Finding[]; id: string }) {
  if (findings.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5">
      {findings.map((f) => (
        <li
          key={`${f.codigo}-${f.mensagem}`}
          className={`text-xs ${f.severidade === "erro" ? "text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}`}
        >
          <Message text={f.mensagem} />
        </li>
      ))}
    </ul>
  );
}

function Switch({
  id,
  checked,
  onChange,
  label,
  describedBy,
}: {
  id: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  describedBy?: string;
}) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-describedby={describedBy}
      onClick={() => onChange(!checked)}
      className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none ${checked ? "bg-indigo-600" : "bg-slate-300 dark:bg-slate-600"}`}
    >
      <span
        className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${checked ? "translate-x-4.5" : "translate-x-0.5"}`}
      />
    </button>
  );
}

function numberValue(raw: string, int: boolean): Json | undefined {
  if (raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return int && Number.isInteger(n) ? n : n;
}

function Field({
  spec,
  value,
  pointer,
  findings,
  onChange,
  resources,
}: {
  spec: FieldSpec;
  value: Json | undefined;
  pointer: string;
  findings: Finding[];
  onChange: (v: Json | undefined, coalesce?: string) => void;
  resources: Resource[];
}) {
  const t = useT(designerMessages);
  const locale = useLocale();
  const id = fieldId(pointer);
  const mine = findings.filter(
    (f) => f.ponteiro === pointer || f.ponteiro.startsWith(`${pointer}/`),
  );
  const msgId = `${id}-msg`;
  const invalid = mine.some((f) => f.severidade === "erro");
  const describedBy = mine.length > 0 ? msgId : undefined;
  const placeholder =
    spec.defaultValue !== undefined && typeof spec.defaultValue !== "object"
      ? t("inspector.default", { value: String(spec.defaultValue) })
      : spec.required
        ? t("inspector.required")
        : t("inspector.optional");
  const label = (
    <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
      {spec.label}
      {spec.required ? <span className="text-red-500"> *</span> : null}
    </label>
  );

  if (spec.kind === "object") {
    const obj = (
      value && typeof value === "object" && !Array.isArray(value) ? value : {}
    ) as JsonObject;
    return (
      <fieldset className="rounded-md border border-slate-200 p-2.5 dark:border-slate-700">
        <legend className="px-1 text-xs font-medium text-slate-600 dark:text-slate-300">
          {spec.label}
        </legend>
        <div className="space-y-2.5">
          {spec.fields.map((f) => (
            <Field
              key={f.key}
              spec={f}
              value={obj[f.key]}
              pointer={`${pointer}/${f.key}`}
              findings={findings}
              resources={resources}
              onChange={(v, c) => {
                const next = { ...obj };
                if (v === undefined) delete next[f.key];
                else next[f.key] = v;
                onChange(Object.keys(next).length > 0 ? next : undefined, c);
              }}
            />
          ))}
        </div>
      </fieldset>
    );
  }

  if (spec.kind === "boolean") {
    const checked = value === true || (value === undefined && spec.defaultValue === true);
    return (
      <div>
        <div className="flex items-center justify-between gap-3">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-300">
            {spec.label}
            {value === undefined && spec.defaultValue !== undefined ? (
              <span className="font-normal text-slate-500 dark:text-slate-400">
                {" "}
                {t("inspector.defaultMark")}
              </span>
            ) : null}
          </span>
          <Switch
            id={id}
            checked={checked}
            label={spec.label}
            describedBy={describedBy}
            onChange={(v) => onChange(v)}
          />
        </div>
        <FieldMessages findings={mine} id={msgId} />
      </div>
    );
  }

  if (spec.kind === "multi") {
    const chosen = Array.isArray(value)
      ? value
      : Array.isArray(spec.defaultValue)
        ? (spec.defaultValue as string[])
        : [];
    return (
      <fieldset aria-describedby={describedBy}>
        <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">
          {spec.label}
        </legend>
        <div className="mt-1 flex flex-wrap gap-2" id={id} tabIndex={-1}>
          {spec.options.map((o) => (
            <label key={o} className="inline-flex min-h-6 items-center gap-1.5 pr-1 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))
                }
              />
              {o}
            </label>
          ))}
        </div>
        <FieldMessages findings={mine} id={msgId} />
      </fieldset>
    );
  }

  if (spec.kind === "json") {
    return (
      <div>
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">{spec.label}</span>
        <p id={id} tabIndex={-1} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          {t("inspector.jsonOnly", {
            count: Array.isArray(value) ? value.length : -1,
          })}
        </p>
        <FieldMessages findings={mine} id={msgId} />
      </div>
    );
  }

  let control: React.ReactNode;
  if (spec.kind === "enum" || (spec.kind === "string" && spec.ref)) {
    const options =
      spec.kind === "enum"
        ? spec.options
        : resources.filter((r) => r.tipo === spec.ref).map(nameOf);
    const current = typeof value === "string" ? value : "";
    control = (
      <select
        id={id}
        className={inputClass}
        value={current}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
      >
        <option value="">
          {spec.required
            ? t("inspector.choose")
            : spec.defaultValue !== undefined
              ? t("inspector.default", { value: wireLabel(spec.defaultValue) })
              : t("inspector.none")}
        </option>
        {current && !options.includes(current) ? (
          <option value={current}>{t("inspector.unknownValue", { value: current })}</option>
        ) : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {wireLabel(o)}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === "number") {
    control = (
      <input
        id={id}
        type="number"
        className={inputClass}
        value={typeof value === "number" || typeof value === "string" ? value : ""}
        min={spec.min}
        max={spec.max}
        step={spec.int ? 1 : "any"}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(numberValue(e.target.value, spec.int), pointer)}
      />
    );
  } else {
    control = (
      <input
        id={id}
        type="text"
        className={inputClass}
        value={typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value)}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) =>
          onChange(e.target.value === "" && !spec.required ? undefined : e.target.value, pointer)
        }
      />
    );
  }
  return (
    <div>
      {label}
      <div className="mt-1">{control}</div>
      {spec.kind === "number" && (spec.min !== undefined || spec.max !== undefined) ? (
        <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">
          {t("inspector.range", {
            min: spec.min === undefined ? "…" : formatNumber(locale, spec.min),
            max: spec.max === undefined ? "…" : formatNumber(locale, spec.max),
          })}
        </p>
      ) : null}
      <FieldMessages findings={mine} id={msgId} />
    </div>
  );
}

function Connections({
  index,
  resource,
  resources,
  findings,
}: {
  index: number;
  resource: Resource;
  resources: Resource[];
  findings: Finding[];
}) {
  const t = useT(designerMessages);
  const locale = useLocale();
  const apply = useDesigner((s) => s.apply);
  const tipo = typeOf(resource);
  const source = nameOf(resource);
  const current = connectionsOf(resource);
  const allowed = tipo ? ALLOWED_CONNECTIONS[tipo] : [];
  const candidates = resources.filter(
    (r) =>
      nameOf(r) !== source &&
      allowed.includes(r.tipo as TipoRecurso) &&
      !current.includes(nameOf(r)),
  );
  const refused = resources.flatMap((r) => {
    const other = typeOf(r);
    if (!other || nameOf(r) === source || current.includes(nameOf(r)) || !tipo) return [];
    const reason = connectionRefusal(tipo, other, locale);
    return reason ? [{ nome: nameOf(r), reason }] : [];
  });
  const pointer = `/recursos/${index}/conexoes`;
  const mine = findings.filter(
    (f) => f.ponteiro === pointer || f.ponteiro.startsWith(`${pointer}/`),
  );
  const selectId = useId();
  return (
    <section aria-labelledby={`${selectId}-h`}>
      <h3
        id={`${selectId}-h`}
        className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase"
      >
        {t("inspector.sendsTo")}
      </h3>
      {current.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {t("inspector.noConnections")}
        </p>
      ) : (
        <ul className="mt-1 space-y-1">
          {current.map((c) => (
            <li
              key={c}
              className="flex items-center justify-between rounded bg-slate-50 px-2 py-1 text-sm dark:bg-slate-800/60"
            >
              <span className="font-mono">{c}</span>
              <button
                type="button"
                aria-label={t("inspector.removeConnection", { name: c })}
                className="text-xs text-slate-500 dark:text-slate-400 hover:text-red-600"
                onClick={() => apply((d) => disconnect(d, source, c))}
              >
                {t("inspector.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {allowed.length > 0 ? (
        <div className="mt-2">
          {candidates.length ? (
            // One button per allowed target: a connection is made only when one is chosen (a
            // select would commit on every arrow key).
            <ul
              id={fieldId(pointer)}
              aria-label={t("inspector.addConnection")}
              className="flex flex-wrap gap-1"
            >
              {candidates.map((r) => (
                <li key={nameOf(r)}>
                  <button
                    type="button"
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:border-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-700 dark:border-slate-600 dark:hover:text-indigo-300"
                    onClick={() => {
                      apply((d) => connectDoc(d, source, nameOf(r)));
                      // This button goes with the choice: focus moves to the new connection.
                      focusConnection(source, nameOf(r));
                    }}
                  >
                    {t("inspector.connectTo")} <span className="font-mono">{nameOf(r)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p
              id={fieldId(pointer)}
              tabIndex={-1}
              className="text-xs text-slate-600 dark:text-slate-400"
            >
              {t("inspector.noCandidates", {
                types: formatList(locale, allowed, "disjunction"),
              })}
            </p>
          )}
          {refused.length ? (
            <details className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              <summary className="cursor-pointer">{t("inspector.whyNot")}</summary>
              <ul className="mt-1 space-y-0.5">
                {refused.map((r) => (
                  <li key={r.nome}>
                    <span className="font-mono">{r.nome}</span>: {r.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {tipo === "insight" ? t("inspector.insightNoConnection") : t("inspector.noTraffic")}
        </p>
      )}
      <FieldMessages findings={mine} id={`${fieldId(pointer)}-msg`} />
    </section>
  );
}

export function ResourceInspector({ name }: { name: string }) {
  const t = useT(designerMessages);
  const doc = useDoc();
  const findings = useFindings();
  const apply = useDesigner((s) => s.apply);
  const select = useDesigner((s) => s.select);
  const resources = resourcesOf(doc);
  const index = Array.isArray(doc.recursos)
    ? doc.recursos.findIndex(
        (r) => r && typeof r === "object" && !Array.isArray(r) && (r as Resource).nome === name,
      )
    : -1;
  const resource = index >= 0 ? (doc.recursos as Resource[])[index] : undefined;
  if (!resource) return null;
  const tipo = typeOf(resource);
  const product = tipo ? PRODUCT_BY_TYPE[tipo] : undefined;
  const base = `/recursos/${index}`;
  const nameFindings = findings.filter((f) => f.ponteiro === `${base}/nome`);
  const config = configOf(resource);
  return (
    <form
      aria-label={t("editor.inspectorOf", { name })}
      className="space-y-5 p-4"
      onSubmit={(e) => e.preventDefault()}
    >
      <header className="flex items-center gap-3">
        <span className={`grid size-9 place-items-center rounded-md ${product?.accent ?? ""}`}>
          {tipo ? <ProductIcon tipo={tipo} /> : "?"}
        </span>
        <div>
          <div className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
            {product?.label ?? t("node.unknownProduct")}
          </div>
          <div className="text-xs text-slate-500 dark:text-slate-400">
            {product ? t(product.description) : null}
          </div>
        </div>
      </header>
      <div>
        <label
          htmlFor={fieldId(`${base}/nome`)}
          className="text-xs font-medium text-slate-600 dark:text-slate-300"
        >
          {t("col.name")} <span className="text-red-500">*</span>
        </label>
        <input
          id={fieldId(`${base}/nome`)}
          className={`${inputClass} mt-1 font-mono`}
          value={name}
          spellCheck={false}
          aria-invalid={nameFindings.some((f) => f.severidade === "erro")}
          aria-describedby={nameFindings.length ? `${fieldId(`${base}/nome`)}-msg` : undefined}
          onChange={(e) => {
            const next = e.target.value;
            apply((d) => renameResource(d, name, next), `rename:${index}`);
            select([next]);
          }}
        />
        <FieldMessages findings={nameFindings} id={`${fieldId(`${base}/nome`)}-msg`} />
      </div>
      <Connections index={index} resource={resource} resources={resources} findings={findings} />
      {tipo === "datastore" ? <PrimaryRegionField id={`${fieldId(base)}-primary`} /> : null}
      {tipo ? (
        <section aria-label={t("inspector.configuration")} className="space-y-3">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
            {t("inspector.configuration")}
          </h3>
          {configFields(tipo).map((spec) => (
            <Field
              key={spec.key}
              spec={spec}
              value={config[spec.key]}
              pointer={`${base}/config/${spec.key}`}
              findings={findings}
              resources={resources}
              onChange={(v, coalesce) =>
                apply((d) => setResourceField(d, index, ["config", spec.key], v), coalesce)
              }
            />
          ))}
        </section>
      ) : (
        <p className="text-sm text-red-700 dark:text-red-300">
          {t("inspector.unknownProduct", { tipo: String(resource.tipo) })}
        </p>
      )}
      <button
        type="button"
        className={buttonClass("danger")}
        onClick={() => {
          apply((d) => deleteResources(d, new Set([name])));
          select([]);
        }}
      >
        {t("start.deleteNamed", { name })}
      </button>
    </form>
  );
}
