// Backups: the screen (status for everyone signed in; folder, back up and restore for administrators)
// and the shell's banner when the last backup is too old.
export { BackupsScreen } from './BackupsScreen';
export { BackupBanner } from './BackupBanner';
