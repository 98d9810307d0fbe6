import { Button, Tooltip } from 'antd';
import { type CSSProperties, type MouseEvent, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';

interface Props {
  text: string;
  /** Where the title leads (the item); without it the title is plain text. */
  to?: string;
  /** Lines shown before the title is cut off (2). */
  lines?: number;
  strong?: boolean;
  /** The title element's data-testid (lists find their titles by it). */
  testId?: string;
}

/**
 * A title in a list: at most `lines` lines, so a 200-character problem keeps its row readable.
 * When the text is cut off, the whole of it shows on hover (a tooltip) and on tap of 全文 (phones
 * have no hover), which unfolds it in place; 收起 folds it again. The 全文 button stops the tap
 * there, so a clickable row behind it does not open.
 */
export function ClampedTitle({ text, to, lines = 2, strong, testId }: Props) {
  const ref = useRef<HTMLElement | null>(null);
  const [cut, setCut] = useState(false);
  const [expanded, setExpanded] = useState(false);

  // Cut off or not depends on the width it gets: measured again whenever that changes.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || expanded) return;
    const measure = () => setCut(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, lines, expanded]);

  const style: CSSProperties = {
    display: expanded ? 'inline' : '-webkit-box',
    WebkitLineClamp: expanded ? undefined : lines,
    WebkitBoxOrient: 'vertical',
    overflow: expanded ? undefined : 'hidden',
    overflowWrap: 'anywhere',
    fontWeight: strong ? 600 : undefined,
  };
  const toggle = (e: MouseEvent) => {
    e.stopPropagation();
    e.preventDefault();
    setExpanded((v) => !v);
  };
  const title = to ? (
    <Link
      to={to}
      ref={(el) => {
        ref.current = el;
      }}
      style={style}
      data-testid={testId}
      data-clamped={cut && !expanded ? 'true' : 'false'}
      onClick={(e) => e.stopPropagation()}
    >
      {text}
    </Link>
  ) : (
    <span
      ref={(el) => {
        ref.current = el;
      }}
      style={style}
      data-testid={testId}
      data-clamped={cut && !expanded ? 'true' : 'false'}
    >
      {text}
    </span>
  );
  return (
    <span style={{ display: 'block', minWidth: 0 }}>
      {/* Always inside the tooltip (empty when not cut), so the title element is never remounted. */}
      <Tooltip title={cut && !expanded ? text : undefined} placement="topLeft">
        {title}
      </Tooltip>
      {(cut || expanded) && (
        <Button
          type="link"
          size="small"
          onClick={toggle}
          aria-expanded={expanded}
          data-testid="title-toggle"
          style={{ padding: 0, height: 'auto', fontSize: 12 }}
        >
          {expanded ? '收起' : '全文'}
        </Button>
      )}
    </span>
  );
}
