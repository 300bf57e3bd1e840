/** Who may answer: a member no longer on the list keeps their past answers but gives no new ones. */
import { UserError } from '../errors.js';
import type { Member } from '../store/members.js';

export function requireActive(member: Member): Member {
  if (!member.active) throw new UserError('MEMBER_INACTIVE', { member: `${member.name} (${member.code})` });
  return member;
}
