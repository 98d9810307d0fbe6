import { Empty } from 'antd';
import { useMemo } from 'react';
import { type ReportPreviewResponse as Extraction } from '../../api/rectify-api';

/** Formats whose text is only the titles above their tables: the table itself is the source. */
const SPREADSHEETS = new Set(['xlsx', 'xls', 'csv']);

/** The report text with the extracted problem titles marked, so the admin can check them in place. */
function MarkedText({ text, marks }: { text: string; marks: string[] }) {
  const parts = useMemo(() => {
    const usable = [...new Set(marks.filter((m) => m.length >= 4))].sort((a, b) => b.length - a.length);
    if (usable.length === 0) return [text];
    const pattern = new RegExp(`(${usable.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
    return text.split(pattern);
  }, [text, marks]);
  return (
    <div
      data-testid="report-text"
      style={{
        whiteSpace: 'pre-wrap',
        fontFamily: '"FangSong", "仿宋", "STFangsong", serif',
        fontSize: 15,
        lineHeight: 1.9,
        maxHeight: 720,
        overflow: 'auto',
      }}
    >
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <mark key={i} style={{ background: '#fff1b8', padding: 0 }}>
            {p}
          </mark>
        ) : (
          p
        ),
      )}
    </div>
  );
}

/**
 * The text the server read from the file (for Word and PDF files too: what a PDF's lines became
 * is worth a look), with the problem titles marked; spreadsheets are shown by their table.
 */
export function ReportTextView({ extraction }: { extraction: Extraction }) {
  if (extraction.format && SPREADSHEETS.has(extraction.format)) {
    return <Empty description="表格文件：问题清单见左侧提取结果，原表请在 Excel/WPS 中查看" />;
  }
  if (!extraction.text) return <Empty description="未读取到报告正文" />;
  return <MarkedText text={extraction.text} marks={extraction.problems.map((p) => p.title)} />;
}
