import { isUuid, requireUserNamed, SYSTEM_ACTOR_ID, TransitionItemUseCase } from '@rectify/application';
import {
  RECTIFICATION_EVENT_TYPES,
  RECTIFICATION_STATUS_LABELS,
  type RectificationEventType,
} from '@rectify/workflow';
import { CliError, EXIT_USAGE } from '../cli-error';
import { withRepositories } from '../database/with-database';
import { integerOption, optionValue, type ParsedArgs, parseArgs, requiredOption } from '../parse-args';
import { emit } from './output';

export const TRANSITION_USAGE =
  'rectify transition ITEM_ID EVENT --as USERNAME [--reason …] [--note …] [--evidence …] [--comment …] ' +
  '[--measure "措施|责任人|YYYY-MM-DD"]... [--new-deadline YYYY-MM-DD] [--interval DAYS] [--expected-version N] [--json]';

const TEXT_FIELDS: [option: string, field: string][] = [
  ['reason', 'reason'],
  ['note', 'note'],
  ['evidence', 'evidence'],
  ['comment', 'comment'],
  ['new-deadline', 'newDeadline'],
];

function payloadFrom(args: ParsedArgs): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [option, field] of TEXT_FIELDS) {
    const value = optionValue(args, option);
    if (value !== undefined) payload[field] = value;
  }
  const interval = integerOption(args, 'interval');
  if (interval !== undefined) payload.reviewIntervalDays = interval;
  const measures = args.options.get('measure');
  if (measures) {
    payload.measures = measures.map((spec) => {
      const [title, responsible, deadline] = spec.split('|').map((s) => s.trim());
      if (!title || !responsible || !deadline) {
        throw new CliError(`--measure "${spec}" 格式应为 "措施|责任人|YYYY-MM-DD"。`, EXIT_USAGE, 'USAGE');
      }
      return { title, responsible, deadline };
    });
  }
  return payload;
}

export async function runTransition(argv: string[], out: (s: string) => void): Promise<void> {
  const args = parseArgs(argv, {
    flags: ['json'],
    options: [
      'as',
      'reason',
      'note',
      'evidence',
      'comment',
      'measure',
      'new-deadline',
      'interval',
      'expected-version',
    ],
  });
  if (args.positionals.length !== 2) throw new CliError(`用法：${TRANSITION_USAGE}`, EXIT_USAGE, 'USAGE');
  const [itemId, event] = args.positionals;
  if (!(RECTIFICATION_EVENT_TYPES as readonly string[]).includes(event)) {
    throw new CliError(
      `未知事件"${event}"：可选 ${RECTIFICATION_EVENT_TYPES.join('、')}。`,
      EXIT_USAGE,
      'USAGE',
    );
  }
  if (!isUuid(itemId)) throw new CliError(`整改事项编号"${itemId}"格式不正确。`, EXIT_USAGE, 'USAGE');
  const username = requiredOption(args, 'as', TRANSITION_USAGE);
  const payload = payloadFrom(args);
  const expectedVersion = integerOption(args, 'expected-version');
  const result = await withRepositories(async ({ users, items }) => {
    const actorUserId =
      username === SYSTEM_ACTOR_ID ? SYSTEM_ACTOR_ID : (await requireUserNamed(users, username)).id;
    return new TransitionItemUseCase(items).execute({
      itemId,
      event: event as RectificationEventType,
      payload,
      actorUserId,
      expectedVersion,
    });
  });
  emit(
    out,
    args.flags.has('json'),
    result,
    () =>
      `整改事项 ${result.itemId}：${RECTIFICATION_STATUS_LABELS[result.fromStatus as keyof typeof RECTIFICATION_STATUS_LABELS]} → ` +
      `${RECTIFICATION_STATUS_LABELS[result.status as keyof typeof RECTIFICATION_STATUS_LABELS]}（版本 ${result.version}）`,
  );
}
