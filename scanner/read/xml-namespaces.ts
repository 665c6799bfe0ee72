// Which prefixes stand for the namespaces the XLSX readers know, so that <x:row> reads as <row> and rel:id as r:id.
//
// The readers compare element names without a namespace: Excel writes SpreadsheetML as the default namespace. Writers
// built on the .NET OpenXML SDK bind it to a prefix instead (<x:worksheet xmlns:x="…/spreadsheetml/2006/main"><x:row>),
// which means the same; until 2026-12-05 no element of such a part was recognised and the workbook read as empty. A
// prefix is resolved through the declarations in scope; only the known namespaces are tracked, so a part that binds
// none of them to a prefix (nearly every one: Excel's r:, mc:, x14ac: are no element names the readers look for) costs
// nothing but a length check per element.
import { elementName } from './xml-characters.ts';

/** Elements of SpreadsheetML (transitional or strict) or of package relationships (.rels): compared without prefix. */
const ELEMENTS = 1;
/** Office relationships: the namespace of the r:id attribute that ties a <sheet> to its part. */
const RELATIONSHIP_ATTRIBUTES = 2;
/** A prefix bound to any other namespace, recorded only where it hides an outer binding of a known one. */
const OTHER = 0;

const KNOWN_NAMESPACES: ReadonlyMap<string, number> = new Map([
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', ELEMENTS],
  ['http://purl.oclc.org/ooxml/spreadsheetml/main', ELEMENTS],
  ['http://schemas.openxmlformats.org/package/2006/relationships', ELEMENTS],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', RELATIONSHIP_ATTRIBUTES],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', RELATIONSHIP_ATTRIBUTES],
]);

interface Binding {
  prefix: string;
  kind: number;
  /** How many elements were open around the element that declared it: it ends when that element closes. */
  depth: number;
}

export class PrefixBindings {
  private readonly bindings: Binding[] = [];
  /** Bindings in scope to an element namespace: while 0, every element name is reported as written. */
  elementPrefixes = 0;

  /** xmlns:prefix="namespace" on an element with `depth` elements open around it. */
  declare(prefix: string, namespace: string, depth: number): void {
    const kind = KNOWN_NAMESPACES.get(namespace) ?? OTHER;
    if (kind === OTHER && this.kindOf(prefix) === OTHER) return;
    this.bindings.push({ prefix, kind, depth });
    if (kind === ELEMENTS) this.elementPrefixes++;
  }

  /** The element that declared bindings at `depth` (or deeper) has closed. */
  forget(depth: number): void {
    const bindings = this.bindings;
    while (bindings.length > 0 && bindings[bindings.length - 1]!.depth >= depth) {
      if (bindings.pop()!.kind === ELEMENTS) this.elementPrefixes--;
    }
  }

  /** The name the readers compare: without its prefix when that stands for an element namespace they know. */
  localName(qualified: string): string {
    const colon = qualified.indexOf(':');
    if (colon < 0 || this.kindOf(qualified.slice(0, colon)) !== ELEMENTS) return qualified;
    return elementName(qualified, colon + 1, qualified.length);
  }

  /** The prefix stands for the office relationships namespace (rel:id is r:id). */
  isRelationshipPrefix(prefix: string): boolean {
    return this.kindOf(prefix) === RELATIONSHIP_ATTRIBUTES;
  }

  private kindOf(prefix: string): number {
    const bindings = this.bindings;
    for (let i = bindings.length - 1; i >= 0; i--) if (bindings[i]!.prefix === prefix) return bindings[i]!.kind;
    return OTHER;
  }
}
