CREATE TABLE `drafts` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`draft_key` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`, `draft_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `mac` text;--> statement-breakpoint
ALTER TABLE `users` ADD `session_epoch` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Entries written before this version have no mac yet: the core seals them into the chain once,
-- at its next start (audit/audit-chain.ts). That single change, a null mac becoming a mac, is the
-- only update the append-only log allows.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN OLD.`mac` IS NOT NULL OR NEW.`mac` IS NULL
	OR NEW.`seq` IS NOT OLD.`seq` OR NEW.`uuid` IS NOT OLD.`uuid` OR NEW.`device_id` IS NOT OLD.`device_id`
	OR NEW.`at` IS NOT OLD.`at` OR NEW.`user_id` IS NOT OLD.`user_id` OR NEW.`username` IS NOT OLD.`username`
	OR NEW.`action` IS NOT OLD.`action` OR NEW.`patient_id` IS NOT OLD.`patient_id`
	OR NEW.`outcome` IS NOT OLD.`outcome` OR NEW.`details` IS NOT OLD.`details`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
