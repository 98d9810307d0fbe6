import { type PositionGrant, type UserEntry } from '@rectify/application';
import { POSITION_PROFILES, POSITION_RIGHT_LABELS } from '@rectify/domain';

/** How `--position` is written, for usage lines. */
export const POSITION_OPTION = '--position 职务[@组织名称][,职务[@组织名称]…]';

/**
 * The grants of a `--position` value: comma-separated (，too), each a kind (书记, 组织委员 … or
 * its code) and, after '@', the organisation's name (absent: the person's own organisation).
 * Kinds and organisations are checked by the use case, which names what is wrong.
 */
export function positionGrantsOf(value: string): PositionGrant[] {
  return value
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf('@');
      if (at < 0) return { kind: part };
      return { kind: part.slice(0, at).trim(), organisation: { name: part.slice(at + 1).trim() } };
    });
}

/** A person's positions on one line: 书记@甲村党支部（整改责任、督办）; …. */
export function describePositions(user: Pick<UserEntry, 'positions'>): string {
  return user.positions
    .map((p) => {
      const rights = p.rights.map((r) => POSITION_RIGHT_LABELS[r]).join('、');
      return `${POSITION_PROFILES[p.kind].label}@${p.organisationName}${rights ? `（${rights}）` : ''}`;
    })
    .join('；');
}
