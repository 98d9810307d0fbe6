import { describe, expect, it } from '@jest/globals';
import { formatRate } from '../../api/generated/vocabulary';

// The dashboard shows rates with the server's own rule (copied by scripts/generate-web-api.js),
// so an organisation without problems reads — here as in the summary .docx.
describe("the dashboard's completion rate", () => {
  it('is — for an organisation without problems, never 0.0%', () => {
    expect(formatRate(null)).toBe('—');
  });

  it('has one decimal of percent otherwise, as in the summary document', () => {
    expect([formatRate(0), formatRate(0.4), formatRate(0.1667)]).toEqual(['0.0%', '40.0%', '16.7%']);
  });
});
