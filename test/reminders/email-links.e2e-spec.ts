import { ChineseWorkingDayCalendar } from '@rectify/domain';
import { importProblems, seedReminderTree, setDeadline, SEND_ON } from '../support/reminder-fixture';
import { ReminderHarness } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

const calendar = new ChineseWorkingDayCalendar();
jest.setTimeout(60_000);

const NOW = `${SEND_ON}T08:00:00+08:00`;

describe('links in reminder emails', () => {
  let h: ReminderHarness;
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
  });
  afterEach(() => h.stop());

  const linkFor = async (env: Record<string, string>) => {
    const tree = await seedReminderTree(h.db.dataSource);
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, calendar.addWorkdays(SEND_ON, 3));
    await h.startWorker(NOW, env);
    await waitFor('the digest', () => h.smtp.to(tree.email(tree.owner)).length >= 1);
    const text = h.smtp.to(tree.email(tree.owner))[0].parsed.text ?? '';
    return { item, text };
  };

  it('point at the port the API serves (API_PORT) when APP_BASE_URL is not set', async () => {
    const { item, text } = await linkFor({ API_HOST: '127.0.0.1', API_PORT: '4123' });
    expect(text).toContain(`http://127.0.0.1:4123/items/${item}`);
    expect(text).not.toContain(':3000/');
  });

  it('use APP_BASE_URL when it is set', async () => {
    const { item, text } = await linkFor({ API_PORT: '4123', APP_BASE_URL: 'https://zhenggai.example.org/' });
    expect(text).toContain(`https://zhenggai.example.org/items/${item}`);
  });
});
