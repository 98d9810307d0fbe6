import { type ItemTracking } from '../extraction-result';
import { readDeadline } from '../table/read-deadline';

/**
 * The owner and deadline a 整改方案 states per problem in labelled lines (责任领导：… 责任人：…
 * 完成时限：…), as the same tracking a 问题清单 row gives. `row` is 0: the problem is not in a table.
 */
export function trackingFromLabels(labels: Record<string, string>): ItemTracking {
  const pick = (re: RegExp) => {
    const key = Object.keys(labels).find((k) => re.test(k));
    return key && labels[key] ? labels[key] : null;
  };
  const deadlineText = pick(/时限|时间|期限/);
  const deadline = deadlineText ? readDeadline(deadlineText) : null;
  return {
    source: null,
    responsibleLeader: pick(/领导/),
    responsibleUnit: pick(/单位|部门|科室/),
    owner: pick(/^责任人$/),
    deadline: deadline?.kind === 'date' ? deadline.date : null,
    deadlineText,
    progress: null,
    progressText: null,
    extra: {},
    row: 0,
    sheet: null,
  };
}
