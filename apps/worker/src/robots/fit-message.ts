import { type RobotMessage } from '@rectify/domain';

/** A message cut to size: the entries kept and how many were left out. */
export interface FittedMessage {
  title: string;
  entries: { text: string; url: string }[];
  /** Entries left out; rendered as the line `omittedLine(omitted)`. */
  omitted: number;
}

/** Longest title and entry text kept, in characters; longer ones end with an ellipsis. */
const TITLE_MAX_CHARS = 100;
const ENTRY_MAX_CHARS = 300;

export const omittedLine = (omitted: number) => `另有 ${omitted} 条，请登录系统查看。`;

export const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}

/**
 * Renders as many entries as fit: `render` turns a fitted message into the request body and the
 * part the platform limits (`measured`, counted in UTF-8 bytes against `maxBytes`). Titles and
 * entry texts are first made one line and clipped; when not all entries fit, entries too long to
 * go even alone are dropped, the largest number of the others that fits (in order) is found by
 * bisection, and everything not sent is counted in `omitted`. With no entry fitting, the title
 * and the omitted line alone are sent (they always fit every platform's limit).
 */
export function fitMessage(
  message: RobotMessage,
  maxBytes: number,
  render: (fitted: FittedMessage) => { body: string; measured: string },
): string {
  const title = clip(message.title, TITLE_MAX_CHARS);
  const all = message.entries.map((e) => ({ text: clip(e.text, ENTRY_MAX_CHARS), url: e.url.trim() }));
  const attempt = (kept: number) => {
    const out = render({ title, entries: all.slice(0, kept), omitted: all.length - kept });
    return { body: out.body, fits: utf8Bytes(out.measured) <= maxBytes };
  };
  const whole = attempt(all.length);
  if (whole.fits) return whole.body;
  // An entry too long to go even alone (a huge link) must not hide the entries after it.
  const sendable = all.filter((entry) => {
    const out = render({ title, entries: [entry], omitted: all.length - 1 });
    return utf8Bytes(out.measured) <= maxBytes;
  });
  const keep = (kept: number) => {
    const out = render({ title, entries: sendable.slice(0, kept), omitted: all.length - kept });
    return { body: out.body, fits: utf8Bytes(out.measured) <= maxBytes };
  };
  let best = keep(0).body;
  let low = 1;
  let high = sendable.length;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const tried = keep(middle);
    if (tried.fits) {
      best = tried.body;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

/** Link text safe inside `[text](url)`: square brackets become full-width ones. */
export const markdownLinkText = (text: string) => text.replace(/\[/g, '［').replace(/]/g, '］');

/** A URL safe inside `(url)`: parentheses and spaces are percent-encoded. */
export const markdownLinkUrl = (url: string) =>
  url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
