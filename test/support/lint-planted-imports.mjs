// Lints planted source texts with the project's ESLint config, outside Jest's module sandbox
// (ESLint loads its flat config through dynamic import, which Jest's VM modules do not serve).
// Reads [{ filePath, code }] as JSON on stdin; prints, per case, the no-restricted-imports messages.
import { ESLint } from 'eslint';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
