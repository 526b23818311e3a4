/** A template's title and description in the reader's language (its id names the messages). */
import type { Template } from "../blueprint";
import type { Translate } from "../i18n";
import type { DesignerMessageKey } from "./i18n";

type T = Translate<DesignerMessageKey>;

export function templateTitle(template: Template, t: T): string {
  const key = `template.${template.id}.title` as DesignerMessageKey;
  const text = t(key);
  return text === key ? template.title : text;
}

export function templateDescription(template: Template, t: T): string {
  const key = `template.${template.id}.description` as DesignerMessageKey;
  const text = t(key);
  return text === key ? template.description : text;
}
