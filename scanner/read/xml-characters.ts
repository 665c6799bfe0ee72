// The character rules of XML 1.0 the XLSX tokenizer applies: names, white space, forbidden characters, and the
// decoding of entity and character references and of line ends, as saxes (exceljs' parser) applies them.

/** Byte values of the markup characters the scanners look for (XML's markup is ASCII, so bytes and Latin-1 codes agree). */
export const BYTE = {
  LESS: 0x3c,
  GREATER: 0x3e,
  SLASH: 0x2f,
  SPACE: 0x20,
  EQUALS: 0x3d,
  DOUBLE_QUOTE: 0x22,
  SINGLE_QUOTE: 0x27,
  AMPERSAND: 0x26,
  CARRIAGE_RETURN: 0x0d,
  QUESTION: 0x3f,
  BANG: 0x21,
  LETTER_C: 0x63,
  LETTER_V: 0x76,
} as const;

/** ASCII name characters: 1 may start a name, 2 may only continue one; every non-ASCII character is allowed. */
const NAME_CHARACTER = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const character = String.fromCharCode(code);
  if (/[A-Za-z_:]/.test(character)) NAME_CHARACTER[code] = 1;
  else if (/[0-9.-]/.test(character)) NAME_CHARACTER[code] = 2;
}

export const isNameStart = (code: number): boolean => (code < 128 ? NAME_CHARACTER[code] === 1 : true);
export const isNameCharacter = (code: number): boolean => (code < 128 ? NAME_CHARACTER[code]! > 0 : true);
export const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

/** The name from start to end; those a worksheet and the shared strings repeat millions of times are never sliced anew. */
export function elementName(xml: string, start: number, end: number): string {
  switch (end - start) {
    case 1:
      switch (xml.charCodeAt(start)) {
        case 0x63: return 'c';
        case 0x76: return 'v';
        case 0x66: return 'f';
        case 0x74: return 't';
        case 0x72: return 'r';
      }
      break;
    case 2:
      if (xml.startsWith('is', start)) return 'is';
      if (xml.startsWith('si', start)) return 'si';
      break;
    case 3:
      if (xml.startsWith('row', start)) return 'row';
      break;
    case 9:
      if (xml.startsWith('sheetData', start)) return 'sheetData';
      break;
  }
  return xml.slice(start, end);
}

// Control characters other than tab, line feed and carriage return, and U+FFFE/U+FFFF (EF BF BE/BF in UTF-8), are
// not XML characters. Two searches: a character class alone is scanned a third faster than with an alternative.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
const NONCHARACTER_START = '\xEF\xBF';

/** The first character of a Latin-1 view of UTF-8 that XML forbids, with its position; null when there is none. */
export function forbiddenCharacter(latin1: string): { at: number; name: string } | null {
  const control = FORBIDDEN_CONTROL.exec(latin1);
  if (control) return { at: control.index, name: `U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` };
  for (let at = latin1.indexOf(NONCHARACTER_START); at >= 0; at = latin1.indexOf(NONCHARACTER_START, at + 1)) {
    const third = latin1.charCodeAt(at + 2);
    if (third === 0xbe || third === 0xbf) return { at, name: `U+FFF${third === 0xbe ? 'E' : 'F'}` };
  }
  return null;
}

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Entity and character references decoded; line ends (CR LF, CR) become LF in text and, like tabs and line feeds,
 * a space in attribute values (XML 1.0 §2.11, §3.3.3). Returns the reason instead when a reference is not allowed.
 */
export function decodeReferences(text: string, inAttribute: boolean): { text: string } | { error: string } {
  let out = '';
  let from = 0;
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === BYTE.AMPERSAND) {
      const semicolon = text.indexOf(';', i + 1);
      if (semicolon < 0) return { error: '实体缺少分号（& 未转义）' };
      const name = text.slice(i + 1, semicolon);
      const decoded = referenced(name);
      if (decoded === null) return { error: `无效的实体 &${name.slice(0, 20)};` };
      out += text.slice(from, i) + decoded;
      i = semicolon;
      from = i + 1;
    } else if (code === BYTE.CARRIAGE_RETURN) {
      out += text.slice(from, i) + (inAttribute ? ' ' : '\n');
      if (i + 1 < end && text.charCodeAt(i + 1) === 0x0a) i++;
      from = i + 1;
    } else if (inAttribute && (code === 0x09 || code === 0x0a)) {
      out += `${text.slice(from, i)} `;
      from = i + 1;
    }
  }
  return { text: out + text.slice(from, end) };
}

/** The text of &name; — one of the five predefined entities or a reference to an XML character — or null. */
function referenced(name: string): string | null {
  const predefined = PREDEFINED_ENTITIES[name];
  if (predefined !== undefined) return predefined;
  let code = NaN;
  if (/^#x[0-9a-fA-F]+$/.test(name)) code = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
  const isXmlCharacter = code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff)
    || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return isXmlCharacter ? String.fromCodePoint(code) : null;
}
