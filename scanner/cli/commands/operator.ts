// Who is making a change, for the audit trail: --by, else the login name.
import { userInfo } from 'node:os';

export function operatorName(): string {
  try {
    return userInfo().username || '未知用户';
  } catch {
    // No passwd entry (some containers): still record that a person, not a scan, made the change.
    return '未知用户';
  }
}
