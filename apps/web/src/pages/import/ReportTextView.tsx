import { Empty, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { type ReportPreviewResponse as Extraction } from '../../api/rectify-api';

const TEXT_STYLE = {
  fontFamily: '"FangSong", "仿宋", "STFangsong", serif',
  fontSize: 15,
  lineHeight: 1.9,
};

/** Splits a text around the marks (4 characters or more, the longest first): odd parts are marks. */
function useMarker(marks: string[]): (text: string) => ReactNode[] {
  const pattern = useMemo(() => {
    const usable = [...new Set(marks.filter((m) => m.length >= 4))].sort((a, b) => b.length - a.length);
    if (usable.length === 0) return null;
    return new RegExp(`(${usable.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  }, [marks]);
  return (text: string) =>
    (pattern ? text.split(pattern) : [text]).map((p, i) =>
      i % 2 === 1 ? (
        <mark key={i} style={{ background: '#fff1b8', padding: 0 }}>
          {p}
        </mark>
      ) : (
        p
      ),
    );
}

/** A row's cells, a merged cell (read as the same text in each cell it covers) as one with its span. */
function spans(row: string[]): { text: string; span: number }[] {
  const out: { text: string; span: number }[] = [];
  for (const text of row) {
    const last = out[out.length - 1];
    if (last && text !== '' && last.text === text) last.span++;
    else out.push({ text, span: 1 });
  }
  return out;
}

/** A table read as a table (a 问题清单), cell by cell, with the problem titles marked. */
function ReadTable({
  table,
  mark,
}: {
  table: Extraction['tables'][number];
  mark: (t: string) => ReactNode[];
}) {
  return (
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      {table.sheet && <Typography.Text strong>工作表：{table.sheet}</Typography.Text>}
      <table data-testid="report-table" style={{ borderCollapse: 'collapse', fontSize: 13, width: '100%' }}>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} style={r === 0 ? { background: '#fafafa', fontWeight: 600 } : undefined}>
              {spans(row).map((cell, c) => (
                <td
                  key={c}
                  colSpan={cell.span}
                  style={{
                    border: '1px solid #f0f0f0',
                    padding: '4px 6px',
                    verticalAlign: 'top',
                    whiteSpace: 'pre-wrap',
                  }}
                >
                  {mark(cell.text)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the server read from the file, whatever its format, beside the extracted problems: the
 * running text (for Word and PDF files too: what a PDF's lines became is worth a look) and the
 * tables read as tables (a spreadsheet's sheets, a document's 问题清单), the problem titles marked.
 */
export function ReportTextView({ extraction }: { extraction: Extraction }) {
  const mark = useMarker(extraction.problems.map((p) => p.title));
  const text = extraction.text.trim();
  if (!text && extraction.tables.length === 0) return <Empty description="未读取到报告正文" />;
  return (
    <div data-testid="report-text" style={{ maxHeight: 720, overflow: 'auto' }}>
      {text && <div style={{ ...TEXT_STYLE, whiteSpace: 'pre-wrap', marginBottom: 12 }}>{mark(text)}</div>}
      {extraction.tables.map((table, i) => (
        <ReadTable key={i} table={table} mark={mark} />
      ))}
    </div>
  );
}
