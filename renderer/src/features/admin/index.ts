// Admin screens, shown in the shell's navigation to administrators only.
// (Access is enforced in main; hiding them is only for clarity.)
export { UsersScreen } from './UsersScreen';
export { SettingsScreen } from './SettingsScreen';
export { AuditScreen } from './AuditScreen';
export { HoursScreen } from './HoursScreen';
export { AuditIntegrityAlarm } from './AuditIntegrity';
