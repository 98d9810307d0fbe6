import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type EarlierProblem, findRecurringProblems, RECURRENCE_THRESHOLD } from '../find-recurring-problems';
import { fingerprintProblem, problemSimilarity } from './problem-similarity';
import { recurrenceKeys } from './recurrence-keys';

interface PairSet {
  same: [string, string][];
  different: [string, string][];
}

const load = (name: string): PairSet =>
  JSON.parse(readFileSync(resolve(__dirname, '../../../../../test/fixtures/similarity', name), 'utf8'));

// Every statement of both labelled sets: 400 statements, 79,800 pairs of every kind.
const statements = [
  ...new Set(
    ['problem-pairs.json', 'problem-pairs-holdout.json'].flatMap((file) => {
      const set = load(file);
      return [...set.same, ...set.different].flat();
    }),
  ),
];

const shareKey = (a: readonly string[], b: readonly string[]) => a.some((k) => b.includes(k));

describe('recurrenceKeys', () => {
  it('gives every two statements that score as recurring at least one key in common', () => {
    const keys = statements.map(recurrenceKeys);
    const missed: string[] = [];
    let alike = 0;
    for (let i = 0; i < statements.length; i++) {
      for (let j = i + 1; j < statements.length; j++) {
        if (problemSimilarity(statements[i], statements[j]) < RECURRENCE_THRESHOLD) continue;
        alike++;
        if (!shareKey(keys[i], keys[j])) missed.push(`${statements[i]} | ${statements[j]}`);
      }
    }
    expect(alike).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });

  it('leaves most unrelated statements without a key in common', () => {
    const keys = statements.map(recurrenceKeys);
    let sharing = 0;
    let pairs = 0;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++, pairs++) if (shareKey(keys[i], keys[j])) sharing++;
    }
    expect(sharing / pairs).toBeLessThan(0.2);
  });

  it('names the subjects and the rarest words, fewer keys than the statement has features', () => {
    const title = '党费收缴不够及时，收缴标准把握不准';
    const keys = recurrenceKeys(title);
    expect(keys).toContain('t:dues');
    expect(keys).toContain('f:党费');
    expect(keys).not.toContain('f:不够');
    expect(keys.length).toBeLessThan(fingerprintProblem(title).weights.size);
    expect(keys).toEqual([...new Set(keys)].sort());
    expect(recurrenceKeys(title)).toEqual(keys);
  });

  it('gives a statement without a word or subject no keys', () => {
    expect(recurrenceKeys('……')).toEqual([]);
  });
});

describe('findRecurringProblems with candidates that share a key', () => {
  it('finds the same links as comparing with every earlier problem', () => {
    const earlier: EarlierProblem[] = statements.slice(0, 200).map((title, i) => ({
      itemId: `e${String(i).padStart(3, '0')}`,
      year: 2020 + (i % 4),
      title,
      status: 'identified',
    }));
    const problems = statements.slice(200).map((title, seq) => ({ itemId: null, seq, title }));
    const earlierKeys = earlier.map((e) => recurrenceKeys(e.title));
    const candidates = problems.map((p) => {
      const keys = recurrenceKeys(p.title);
      return earlier.flatMap((_, i) => (shareKey(keys, earlierKeys[i]) ? [i] : []));
    });
    const everything = findRecurringProblems(problems, earlier);
    expect(everything.length).toBeGreaterThan(20);
    expect(findRecurringProblems(problems, earlier, RECURRENCE_THRESHOLD, candidates)).toEqual(everything);
  });
});
