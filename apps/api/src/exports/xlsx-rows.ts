import ExcelJS from 'exceljs';

export type RawCell = string | number | Date | null;

/**
 * The ledger's data rows written as exceljs 4.4 writes them, straight into the streamed worksheet: exceljs builds
 * a Row, a Cell and a value object per cell and renders them through its XML stream, about 30 KB of garbage a row
 * (3 GB for 100,000 rows), of which V8 promoted enough to grow the API by ~150 MB before a major GC. The XML is the
 * same byte for byte (checked against exceljs's own output on 100,043 rows, bench/notes/export.md): `t="str"`
 * inline strings, numbers as JavaScript prints them, dates as exceljs's serial (`dateToExcel`), a styled empty
 * cell as `<c r s/>`, an unstyled one left out, every row `spans="1:<columns>"` (exceljs's Row has a cell, maybe
 * null, for every column). Headers, columns, styles and the workbook remain exceljs's.
 */
export class RawRowWriter {
  private readonly styleIds: string[];
  private readonly refs: string[];
  private readonly open: string;
  private rowNumber: number;

  constructor(private readonly sheet: ExcelJS.Worksheet, workbook: ExcelJS.stream.xlsx.WorkbookWriter, styles: Partial<ExcelJS.Style>[], firstRow: number) {
    const registry = (workbook as unknown as { styles: { addStyleModel(model: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number } }).styles;
    this.styleIds = styles.map((style) => {
      const id = registry.addStyleModel(style, ExcelJS.ValueType.String);
      return id ? ` s="${id}"` : '';
    });
    this.refs = styles.map((_, i) => columnLetters(i + 1));
    this.open = ` spans="1:${styles.length}" x14ac:dyDescent="0.25">`;
    this.rowNumber = firstRow;
  }

  write(values: RawCell[]): void {
    const r = this.rowNumber++;
    let xml = `<row r="${r}"${this.open}`;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const s = this.styleIds[i];
      if (value === null || value === undefined) {
        if (s) xml += `<c r="${this.refs[i]}${r}"${s}/>`;
      } else if (typeof value === 'string') {
        xml += `<c r="${this.refs[i]}${r}"${s} t="str"><v>${xmlEncode(value)}</v></c>`;
      } else if (value instanceof Date) {
        xml += `<c r="${this.refs[i]}${r}"${s}><v>${25569 + value.getTime() / (24 * 3600 * 1000)}</v></c>`;
      } else {
        xml += `<c r="${this.refs[i]}${r}"${s}><v>${value}</v></c>`;
      }
    }
    (this.sheet as unknown as { stream: { write(xml: string): unknown } }).stream.write(`${xml}</row>`);
  }
}

function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;

/** exceljs's `xmlEncode` (utils.js): the five entities, and control characters dropped. */
export function xmlEncode(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  let result = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let escape: string;
    if (code === 34) escape = '&quot;';
    else if (code === 38) escape = '&amp;';
    else if (code === 39) escape = '&apos;';
    else if (code === 60) escape = '&lt;';
    else if (code === 62) escape = '&gt;';
    else if (code === 127 || (code <= 31 && (code <= 8 || (code >= 11 && code !== 13)))) escape = '';
    else continue;
    result += text.substring(last, i) + escape;
    last = i + 1;
  }
  return result + text.substring(last);
}
