import { describe, expect, it } from 'vitest';
import { CsvReader, parseCsv } from './csv.js';

describe('CsvReader', () => {
  it('reads quoted fields (doubled quotes, delimiters and line breaks inside) and numbers records by their first line', () => {
    const text = '\ufeffname,phone\r\n"Rao, Asha","+91 98""12"\n\n"two\nlines",x\rlast,"q"tail';
    expect(parseCsv(text, ',')).toEqual({
      rows: [
        { line: 1, fields: ['name', 'phone'] },
        { line: 2, fields: ['Rao, Asha', '+91 98"12'] },
        { line: 4, fields: ['two\nlines', 'x'] },
        { line: 6, fields: ['last', 'qtail'] },
      ],
    });
  });

  it('keeps a quote inside an unquoted field and an empty last field', () => {
    expect(parseCsv('a"b,\n', ',').rows).toEqual([{ line: 1, fields: ['a"b', ''] }]);
  });

  it('takes a delimiter of two UTF-16 units', () => {
    expect(parseCsv('a😀b😀\n', '😀').rows).toEqual([{ line: 1, fields: ['a', 'b', ''] }]);
  });

  it('reports where an unclosed quoted field starts, after the records before it', () => {
    const reader = new CsvReader('a,b\n"open\nstill open', ',');
    expect(reader.next()).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(reader.next()).toBeUndefined();
    expect(reader.unterminatedAt).toBe(2);
  });
});
