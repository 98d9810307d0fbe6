import { parseReminderJobId, reminderJobId } from './reminder-jobs';

describe('reminder job ids', () => {
  it('name the reminder they were made from', () => {
    const data = {
      itemId: '0f8c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      kind: 'overdue' as const,
      dueDate: '2024-11-15',
      sendOn: '2024-11-18',
    };
    expect(parseReminderJobId(reminderJobId(data))).toEqual(data);
  });

  it('name nothing for an id this project did not make or a kind it does not know', () => {
    expect(parseReminderJobId('again.0f8c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6')).toBeNull();
    expect(
      parseReminderJobId('reminder.0f8c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6.someday.2024-11-15.2024-11-18'),
    ).toBeNull();
  });
});
