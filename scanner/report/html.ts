// The one way the report builds HTML: a tagged template that escapes every interpolated value, so data from the
// rolls (a name like <img src=x onerror=alert(1)>) can only ever become text, in content and attributes alike.

/** Markup this module produced (or a constant written by us); the only thing `html` inserts without escaping. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text and attribute values alike: quotes are escaped too, so a value placed in a quoted attribute cannot end it.
 * Attributes in this module's templates are therefore always written quoted.
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value as string | number);
}

/** `html\`<td>${name}</td>\``: every `${…}` is escaped unless it is SafeHtml made by this same tag. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(markup);
}
