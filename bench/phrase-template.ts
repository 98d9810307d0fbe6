import { type SeededRandom } from './seeded-random';

/**
 * Fills the placeholders of phrase-bank templates. Names ({city}, {place} …) stay the same for
 * the whole report so that its title, opening and signature agree; numbers ({n} {m} {p} {w})
 * are drawn anew at every use so that repeated sentences still differ.
 */
export class PhraseTemplates {
  constructor(
    private readonly random: SeededRandom,
    private readonly names: Readonly<Record<string, string>>,
  ) {}

  fill(template: string, extra: Readonly<Record<string, string | number>> = {}): string {
    return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
      const given = extra[key] ?? this.names[key];
      if (given !== undefined) return String(given);
      switch (key) {
        case 'n':
          return String(this.random.int(2, 30));
        case 'm':
          return String(this.random.int(30, 999));
        case 'p':
          return String(this.random.int(85, 100));
        case 'w':
          return (this.random.int(15, 9_000) / 10).toFixed(1);
        default:
          throw new Error(`phrase template uses an unknown placeholder ${placeholder}: ${template}`);
      }
    });
  }
}
