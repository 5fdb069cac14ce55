/** One parsed CSV record and the line of the file it starts on (1-based). */
export interface CsvRow {
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 CSV read one record at a time, so that a caller can stop or pause between records: fields separated
 * by `delimiter`, records by LF or CRLF (or a lone CR), fields may be quoted with `"` (a doubled `""` inside a
 * quoted field is one quote, and quoted fields may span lines). Blank lines are skipped; a leading BOM is ignored.
 * Unquoted runs are copied with `slice`, so reading is linear in the length of the text.
 */
export class CsvReader {
  private pos: number;
  private line = 1;
  private readonly delim: number;
  /** The delimiter is one character, but may be two UTF-16 units (an emoji). */
  private readonly delimLength: number;
  /** Set when the text ends inside a quoted field: the line where that field began. */
  unterminatedAt: number | undefined;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.delim = delimiter.charCodeAt(0);
    this.delimLength = delimiter.length;
  }

  private delimiterAt(j: number): boolean {
    return this.text.charCodeAt(j) === this.delim && (this.delimLength === 1 || this.text.startsWith(this.delimiter, j));
  }

  /** The next non-blank record, or undefined at the end of the text (or of the readable part of it). */
  next(): CsvRow | undefined {
    const { text } = this;
    for (;;) {
      if (this.pos >= text.length || this.unterminatedAt !== undefined) return undefined;
      const rowLine = this.line;
      const fields: string[] = [];
      let field = '';
      let i = this.pos;
      let ended = false;
      while (!ended) {
        if (text.charCodeAt(i) === QUOTE) {
          // A quoted field: up to the closing quote, `""` standing for one quote.
          const quoteLine = this.line;
          i++;
          for (;;) {
            const q = text.indexOf('"', i);
            if (q < 0) {
              this.unterminatedAt = quoteLine;
              this.pos = text.length;
              return undefined;
            }
            const part = text.slice(i, q);
            field += part;
            this.line += countLineFeeds(part);
            if (text.charCodeAt(q + 1) === QUOTE) {
              field += '"';
              i = q + 2;
            } else {
              i = q + 1;
              break;
            }
          }
        }
        // An unquoted run (or what follows a closing quote) up to the delimiter or the end of the record.
        let j = i;
        while (j < text.length) {
          const ch = text.charCodeAt(j);
          if (ch === LF || ch === CR || this.delimiterAt(j)) break;
          j++;
        }
        field += text.slice(i, j);
        fields.push(field);
        field = '';
        if (j < text.length && this.delimiterAt(j)) {
          i = j + this.delimLength;
          continue;
        }
        // End of the record: a line break (CRLF counts once) or the end of the text.
        if (j < text.length) {
          j += text.charCodeAt(j) === CR && text.charCodeAt(j + 1) === LF ? 2 : 1;
          this.line++;
        }
        i = j;
        ended = true;
      }
      this.pos = i;
      if (fields.length > 1 || fields[0] !== '') return { line: rowLine, fields };
    }
  }
}

function countLineFeeds(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

/** Every record of a CSV text and, if the text ends inside a quoted field, the line where that field began. */
export function parseCsv(text: string, delimiter: string): { rows: CsvRow[]; unterminatedAt?: number } {
  const reader = new CsvReader(text, delimiter);
  const rows: CsvRow[] = [];
  for (let row = reader.next(); row; row = reader.next()) rows.push(row);
  return reader.unterminatedAt === undefined ? { rows } : { rows, unterminatedAt: reader.unterminatedAt };
}
