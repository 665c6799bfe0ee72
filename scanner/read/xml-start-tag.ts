// A start tag as the XML scanner reads it (<c r="A1" t="s">): where its name ends, where each attribute's name and
// value lie in the Latin-1 view of the buffer, whether it closes itself. Values are decoded by the scanner, on demand.
import { BYTE, isNameCharacter, isNameStart, isSpace } from './xml-characters.ts';
import type { PrefixBindings } from './xml-namespaces.ts';

/** Makes the error for malformed markup at a position of the buffer (the scanner adds the byte offset in the part). */
export type SyntaxErrorAt = (message: string, at: number) => Error;

export class StartTag {
  /** Where the element's name ends; it starts after the '<'. */
  nameEnd = 0;
  selfClosing = false;
  /** It declares a namespace prefix (xmlns:x="…"). */
  declaresPrefix = false;
  /** How many attributes it has; 0 once the tag has been reported (clear). */
  count = 0;
  // Per attribute: name start/end and value start/end, four numbers each.
  private spans = new Int32Array(64);

  /** Reads the start tag whose '<' is at `less`; returns the position after it, or -1 when it is not all in the buffer yet. */
  read(xml: string, less: number, fail: SyntaxErrorAt): number {
    const length = xml.length;
    let i = less + 1;
    if (!isNameStart(xml.charCodeAt(i))) throw fail('标记名无效', i);
    while (i < length && isNameCharacter(xml.charCodeAt(i))) i++;
    if (i >= length) return -1;
    this.nameEnd = i;
    this.count = 0;
    this.declaresPrefix = false;
    for (;;) {
      if (i >= length) return -1;
      let code = xml.charCodeAt(i);
      if (code === BYTE.GREATER) {
        this.selfClosing = false;
        return i + 1;
      }
      if (code === BYTE.SLASH) {
        if (i + 1 >= length) return -1;
        if (xml.charCodeAt(i + 1) !== BYTE.GREATER) throw fail('标记中有多余的 /', i);
        this.selfClosing = true;
        return i + 2;
      }
      if (!isSpace(code)) throw fail('属性之间缺少空白', i);
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      if (i >= length) return -1;
      code = xml.charCodeAt(i);
      if (code === BYTE.GREATER || code === BYTE.SLASH) continue;
      if (!isNameStart(code)) throw fail('属性名无效', i);
      const attributeStart = i;
      while (i < length && isNameCharacter(xml.charCodeAt(i))) i++;
      const attributeEnd = i;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      if (i >= length) return -1;
      if (xml.charCodeAt(i) !== BYTE.EQUALS) throw fail('属性缺少 =', i);
      i++;
      while (i < length && isSpace(xml.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const quote = xml.charCodeAt(i);
      if (quote !== BYTE.DOUBLE_QUOTE && quote !== BYTE.SINGLE_QUOTE) throw fail('属性值缺少引号', i);
      const valueStart = ++i;
      while (i < length) {
        const value = xml.charCodeAt(i);
        if (value === quote) break;
        if (value === BYTE.LESS) throw fail('属性值中有 <', i);
        i++;
      }
      if (i >= length) return -1;
      this.add(xml, attributeStart, attributeEnd, valueStart, i);
      i++;
    }
  }

  /** The tag has been reported: its attributes can no longer be asked for. */
  clear(): void {
    this.count = 0;
  }

  /** The attribute whose name is written `name`, -1 when absent. */
  indexOf(xml: string, name: string): number {
    const spans = this.spans;
    const end = this.count * 4;
    for (let i = 0; i < end; i += 4) {
      if (spans[i + 1]! - spans[i]! === name.length && xml.startsWith(name, spans[i]!)) return i / 4;
    }
    return -1;
  }

  /** The attribute `name` in the office relationships namespace under whatever prefix the part binds to it, -1 when absent. */
  indexOfRelationship(xml: string, name: string, prefixes: PrefixBindings): number {
    const spans = this.spans;
    for (let i = 0; i < this.count * 4; i += 4) {
      const colon = xml.indexOf(':', spans[i]!);
      if (colon < 0 || colon >= spans[i + 1]!) continue;
      if (spans[i + 1]! - colon - 1 === name.length && xml.startsWith(name, colon + 1) && prefixes.isRelationshipPrefix(xml.slice(spans[i]!, colon))) return i / 4;
    }
    return -1;
  }

  /** The prefix the attribute declares (xmlns:x="…" declares x), undefined when it is no such declaration. */
  declaredPrefix(xml: string, index: number): string | undefined {
    const start = this.spans[index * 4]!;
    const end = this.spans[index * 4 + 1]!;
    return end - start > 6 && xml.startsWith('xmlns:', start) ? xml.slice(start + 6, end) : undefined;
  }

  valueStart(index: number): number {
    return this.spans[index * 4 + 2]!;
  }

  valueEnd(index: number): number {
    return this.spans[index * 4 + 3]!;
  }

  private add(xml: string, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    let spans = this.spans;
    const at = this.count * 4;
    if (at + 4 > spans.length) {
      spans = new Int32Array(spans.length * 2);
      spans.set(this.spans);
      this.spans = spans;
    }
    spans[at] = nameStart;
    spans[at + 1] = nameEnd;
    spans[at + 2] = valueStart;
    spans[at + 3] = valueEnd;
    this.count++;
    if (xml.charCodeAt(nameStart) === 0x78 /* x */ && xml.startsWith('xmlns:', nameStart)) this.declaresPrefix = true;
  }
}
