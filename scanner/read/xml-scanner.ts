// A streaming XML tokenizer for the parts of an XLSX: fed UTF-8 bytes chunk by chunk, it reports elements and decoded
// text and refuses what is not well-formed (unclosed or crossed tags, bad entities, forbidden characters, a cut-off
// document). It reports what saxes (exceljs' parser) reports to exceljs: CDATA, comments and PIs are dropped.
//
// Markup is scanned in a Latin-1 view of the bytes: one character per byte, so positions are byte offsets, the view
// costs a third of a UTF-8 decode, and one-byte strings search fastest. Only text and attribute values are decoded
// as UTF-8, from the bytes, when they are asked for. A start tag's name and attributes are read by xml-start-tag.ts.
import { BYTE, decodeReferences, elementName, forbiddenCharacter, isSpace } from './xml-characters.ts';
import { PrefixBindings } from './xml-namespaces.ts';
import { StartTag } from './xml-start-tag.ts';

/** The XML is not well-formed; the message says what and roughly where. */
export class XmlSyntaxError extends Error {}

export interface XmlHandler {
  /**
   * Read the element's attributes with scanner.attribute() during this call; a self-closing element is then closed.
   * The name is given without its prefix when that stands for SpreadsheetML or relationships (xml-namespaces.ts).
   */
  openTag(name: string, scanner: XmlScanner): void;
  closeTag(name: string): void;
  /** Text inside the root element, entities decoded and line ends normalised; may come in several pieces. */
  text(text: string): void;
  /** When false, text is checked but not decoded nor reported (a worksheet between cells). */
  readonly wantsText: boolean;
  /**
   * May read the markup starting at `less` (a '<' of a start tag) by itself, reporting nothing: returns the position
   * after what it read, or -1 to leave it to the scanner. It reads whole elements, except that it may also read the
   * start tag of one whose content follows (scanner.enterElement) and the end tag of the one it is in
   * (scanner.leaveElement), so that the scanner still checks the nesting.
   */
  consumeMarkup?(xml: string, less: number, scanner: XmlScanner): number;
}

/** No tag, comment or cut-off entity in an XLSX part comes near this; past it the part is refused rather than buffered. */
const MAX_PENDING = 8 << 20;
const SCAN_SLICE = 1 << 16;
const UTF8_BOM = '\xEF\xBB\xBF';


export class XmlScanner {
  /** The bytes not yet consumed and their Latin-1 view: markup is scanned in `xml`, text decoded from `bytes`. */
  private bytes: Buffer = Buffer.alloc(0);
  private xml = '';
  /** Bytes of the part before `bytes`, for positions in messages. */
  private consumed = 0;
  private readonly open: string[] = [];
  private sawRoot = false;
  private closedRoot = false;
  private started = false;
  /** The start tag being read, then reported: its attributes are read from it while the handler asks for them. */
  private readonly tag = new StartTag();
  private readonly errorAt = (message: string, at: number) => this.error(message, at);
  private readonly prefixes = new PrefixBindings();
  // Cached positions of the next '&' and carriage return, so no text run scans the rest of the buffer.
  private nextAmpersand = -1;
  private nextReturn = -1;

  constructor(private readonly handler: XmlHandler) {}

  /** The next bytes of the part (UTF-8). */
  write(chunk: Buffer): void {
    // Scanned a slice at a time: each slice's Latin-1 view then stays a young, short-lived string (under 128 KB).
    for (let start = 0; start < chunk.length; start += SCAN_SLICE) this.writeSlice(chunk.subarray(start, start + SCAN_SLICE));
  }

  private writeSlice(chunk: Buffer): void {
    this.bytes = this.bytes.length === 0 ? chunk : Buffer.concat([this.bytes, chunk]);
    const xml = this.bytes.toString('latin1');
    this.xml = xml;
    const forbidden = forbiddenCharacter(xml);
    if (forbidden) throw this.error(`不允许的字符 ${forbidden.name}`, forbidden.at);
    this.nextAmpersand = -1;
    this.nextReturn = -1;
    let position = 0;
    if (!this.started && xml.length >= 3) {
      this.started = true;
      if (xml.startsWith(UTF8_BOM)) position = 3;
    }
    if (this.started) position = this.scan(position);
    this.consumed += position;
    this.bytes = this.bytes.subarray(position);
    this.xml = '';
    if (this.bytes.length > MAX_PENDING) throw this.error('XML 结构异常（标记或文字过长）', 0);
  }

  /** The document must be complete: every element closed and nothing but white space left over. */
  end(): void {
    if (!this.started) {
      // A part of one or two bytes: scan it now that no more can come.
      this.started = true;
      const rest = this.bytes;
      this.bytes = Buffer.alloc(0);
      if (rest.length > 0) this.write(rest);
    }
    // Text after the root element was left pending for want of a following '<'.
    if (/\S/.test(this.bytes.toString('latin1'))) throw this.error('XML 不完整（结尾被截断）', 0);
    if (this.open.length > 0) throw this.error(`XML 不完整（<${this.open[this.open.length - 1]}> 没有结束）`, this.bytes.length);
    if (!this.sawRoot) throw this.error('XML 没有内容', 0);
  }

  /** The element the scanner is in (the last one opened and not closed). */
  currentElement(): string | undefined {
    return this.open[this.open.length - 1];
  }

  /** For consumeMarkup: it read the start tag of `name`, whose content follows. */
  enterElement(name: string): void {
    this.open.push(name);
  }

  /** For consumeMarkup: it read the end tag of `name`, which must be the element the scanner is in. */
  leaveElement(name: string, at: number): void {
    const expected = this.currentElement();
    if (expected !== name) throw this.error(`结束标记 </${name}> 与 <${expected ?? ''}> 不配对`, at);
    this.open.pop();
  }

  /** The bytes from start to end (positions in the Latin-1 view) decoded as UTF-8. */
  utf8(start: number, end: number): string {
    // utf8Slice is what toString('utf8', …) calls after checking its arguments, which costs more than the decoding here.
    return (this.bytes as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(start, end);
  }

  /** The text from start to end has no entity and no carriage return: it needs no decoding beyond UTF-8. */
  private isPlainText(start: number, end: number): boolean {
    if (this.nextAmpersand < start) this.nextAmpersand = indexOrInfinity(this.xml, '&', start);
    if (this.nextReturn < start) this.nextReturn = indexOrInfinity(this.xml, '\r', start);
    return this.nextAmpersand >= end && this.nextReturn >= end;
  }

  /** An attribute of the element being reported by openTag, decoded; undefined when absent. */
  attribute(name: string): string | undefined {
    const index = this.tag.indexOf(this.xml, name);
    return index < 0 ? undefined : this.attributeValue(index);
  }

  /**
   * An attribute in the office relationships namespace (r:id), whatever prefix the part binds to that namespace; as
   * r:<name> when the part declares none (read so before 2026-12-05). Undefined when absent.
   */
  relationshipAttribute(name: string): string | undefined {
    const index = this.tag.indexOfRelationship(this.xml, name, this.prefixes);
    return index < 0 ? this.attribute(`r:${name}`) : this.attributeValue(index);
  }

  /** Reports every complete piece of markup and text from `position`; returns where the incomplete rest starts. */
  private scan(position: number): number {
    const xml = this.xml;
    for (;;) {
      const less = xml.indexOf('<', position);
      // Text is reported whole, once the '<' after it has come.
      if (less < 0) return position;
      if (less > position) this.textRun(position, less);
      const after = this.markup(less);
      if (after < 0) return less;
      position = after;
    }
  }

  private textRun(start: number, end: number): void {
    const xml = this.xml;
    if (this.open.length === 0) {
      for (let i = start; i < end; i++) {
        if (!isSpace(xml.charCodeAt(i))) throw this.error('根元素之外有文字', i);
      }
      return;
    }
    if (this.isPlainText(start, end)) {
      if (this.handler.wantsText) this.handler.text(this.utf8(start, end));
      return;
    }
    // Decoded even when not wanted: a bad entity is an error wherever it is.
    const text = this.decode(start, end, false);
    if (this.handler.wantsText) this.handler.text(text);
  }

  /** Handles the markup starting at `less`; returns the position after it, or -1 when it is not all in the buffer yet. */
  private markup(less: number): number {
    const xml = this.xml;
    if (less + 1 >= xml.length) return -1;
    const next = xml.charCodeAt(less + 1);
    if (next === BYTE.SLASH) return this.closeTag(less);
    if (next === BYTE.QUESTION) return skipTo(xml, '?>', less + 2);
    if (next === BYTE.BANG) return this.declaration(less);
    if (this.handler.consumeMarkup && this.open.length > 0) {
      const after = this.handler.consumeMarkup(xml, less, this);
      if (after >= 0) return after;
    }
    return this.openTag(less);
  }

  private openTag(less: number): number {
    const xml = this.xml;
    const tag = this.tag;
    const after = tag.read(xml, less, this.errorAt);
    if (after < 0) return -1;
    const qualified = elementName(xml, less + 1, tag.nameEnd);
    if (this.closedRoot) throw this.error('XML 有多个根元素', less);
    this.sawRoot = true;
    if (tag.declaresPrefix) this.declarePrefixes();
    const name = this.prefixes.elementPrefixes === 0 ? qualified : this.prefixes.localName(qualified);
    this.handler.openTag(name, this);
    tag.clear();
    if (tag.selfClosing) {
      this.handler.closeTag(name);
      this.prefixes.forget(this.open.length);
      if (this.open.length === 0) this.closedRoot = true;
    } else {
      // The name as written: the end tag must repeat it, prefix and all.
      this.open.push(qualified);
    }
    return after;
  }

  /** Records the xmlns:prefix declarations of the tag being read, in scope for it and what it holds. */
  private declarePrefixes(): void {
    const tag = this.tag;
    for (let i = 0; i < tag.count; i++) {
      const prefix = tag.declaredPrefix(this.xml, i);
      if (prefix !== undefined) this.prefixes.declare(prefix, this.attributeValue(i), this.open.length);
    }
  }

  private closeTag(less: number): number {
    const xml = this.xml;
    const greater = xml.indexOf('>', less + 2);
    if (greater < 0) return -1;
    let nameEnd = greater;
    while (nameEnd > less + 2 && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    const expected = this.open[this.open.length - 1];
    if (expected === undefined) throw this.error('多余的结束标记', less);
    if (nameEnd - (less + 2) !== expected.length || !xml.startsWith(expected, less + 2)) {
      throw this.error(`结束标记 </${xml.slice(less + 2, Math.min(nameEnd, less + 40))}> 与 <${expected}> 不配对`, less);
    }
    this.open.pop();
    this.handler.closeTag(this.prefixes.elementPrefixes === 0 ? expected : this.prefixes.localName(expected));
    this.prefixes.forget(this.open.length);
    if (this.open.length === 0) this.closedRoot = true;
    return greater + 1;
  }

  /** Comments and CDATA (dropped, as saxes reports CDATA apart and exceljs ignores it) and a DOCTYPE. */
  private declaration(less: number): number {
    const xml = this.xml;
    if (xml.startsWith('<!--', less)) return skipTo(xml, '-->', less + 4);
    if (xml.startsWith('<![CDATA[', less)) {
      if (this.open.length === 0) throw this.error('根元素之外有 CDATA', less);
      return skipTo(xml, ']]>', less + 9);
    }
    if (xml.startsWith('<!DOCTYPE', less)) {
      const bracket = xml.indexOf('[', less);
      const greater = xml.indexOf('>', less);
      if (greater < 0) return -1;
      if (bracket < 0 || bracket > greater) return greater + 1;
      return skipTo(xml, ']>', bracket);
    }
    if (xml.length - less < 9) return -1;
    throw this.error('无法识别的 <! 标记', less);
  }

  /** The value of the tag's attribute at `index`, decoded. */
  private attributeValue(index: number): string {
    const xml = this.xml;
    const start = this.tag.valueStart(index);
    const end = this.tag.valueEnd(index);
    for (let i = start; i < end; i++) {
      const code = xml.charCodeAt(i);
      if (code === BYTE.AMPERSAND || code === 0x09 || code === 0x0a || code === BYTE.CARRIAGE_RETURN || code >= 0x80) return this.decode(start, end, true);
    }
    return xml.slice(start, end);
  }

  private decode(start: number, end: number, inAttribute: boolean): string {
    const decoded = decodeReferences(this.utf8(start, end), inAttribute);
    if ('error' in decoded) throw this.error(decoded.error, start);
    return decoded.text;
  }

  private error(message: string, at: number): XmlSyntaxError {
    return new XmlSyntaxError(`${message}（第 ${this.consumed + at + 1} 个字节附近）`);
  }
}

function indexOrInfinity(xml: string, search: string, from: number): number {
  const at = xml.indexOf(search, from);
  return at < 0 ? Infinity : at;
}

/** The position after `terminator`, or -1 when it is not in the buffer yet. */
function skipTo(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? -1 : at + terminator.length;
}
