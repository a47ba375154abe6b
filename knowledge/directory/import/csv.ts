/**
 * A small RFC 4180 reader (no dependency: `csv-parse` is only a transitive package here).
 * Handles a UTF-8 BOM, quoted fields with doubled quotes, delimiters and line breaks inside quotes,
 * CRLF / LF / CR line ends, and reports the 1-based line on which each record starts.
 */

export interface CsvRecord {
  /** 1-based line of the source where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvOptions {
  delimiter?: string;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV text into records. Blank lines are skipped. Throws CsvSyntaxError on an unclosed quote. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ';';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error('delimiter must be one character, not a quote or line break');
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;
  let quoteLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !quotedField)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (c === '\r' || c === '\n') {
        if (c === '\r' && src[i + 1] === '\n') {
          field += '\r\n';
          i += 2;
        } else {
          field += c;
          i++;
        }
        line++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '' && !quotedField) {
      inQuotes = true;
      quotedField = true;
      quoteLine = line;
      i++;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      quotedField = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // Text after a closing quote ("ab"c) is kept as is: lenient, as spreadsheets write it.
    field += c;
    i++;
  }
  if (inQuotes) throw new CsvSyntaxError(quoteLine, 'quote opened and never closed');
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}
