CREATE TABLE `clinic_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `device_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `record_kinds` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX `appointment_history_appointment_version`;--> statement-breakpoint
ALTER TABLE `appointment_history` ADD `id` text;--> statement-breakpoint
ALTER TABLE `appointment_history` ADD `device_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_history_id_unique` ON `appointment_history` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_history_appointment_version_device` ON `appointment_history` (`appointment_id`,`version`,`device_id`);--> statement-breakpoint
DROP INDEX `appointments_token_unique`;--> statement-breakpoint
ALTER TABLE `appointments` ADD `token_device` text;--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_token_device_unique` ON `appointments` (`clinic_date`,`token_device`,`token`);--> statement-breakpoint
DROP INDEX `patient_history_patient_version`;--> statement-breakpoint
ALTER TABLE `patient_history` ADD `id` text;--> statement-breakpoint
ALTER TABLE `patient_history` ADD `device_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `patient_history_id_unique` ON `patient_history` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `patient_history_patient_version_device` ON `patient_history` (`patient_id`,`version`,`device_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `uuid` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `device_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_uuid_unique` ON `audit_log` (`uuid`);--> statement-breakpoint
ALTER TABLE `change_log` ADD `uuid` text;--> statement-breakpoint
ALTER TABLE `change_log` ADD `device_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `change_log_uuid_unique` ON `change_log` (`uuid`);--> statement-breakpoint
-- Written by hand (drizzle-kit does not generate data moves or triggers).
-- This laptop's device id: a random UUID (v4 here; ids the app makes are v7).
INSERT INTO `device_state` (`key`, `value`, `updated_at`)
	SELECT 'device.id',
		lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
			substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
		strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
--> statement-breakpoint
INSERT INTO `device_state` (`key`, `value`, `updated_at`)
	SELECT `key`, `value`, `updated_at` FROM `settings` WHERE `key` IN ('device.code', 'mrn.next');
--> statement-breakpoint
INSERT INTO `clinic_settings` (`id`, `created_at`, `updated_at`, `created_by`, `updated_by`, `version`, `value`)
	SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
			substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
		s.`updated_at`, s.`updated_at`,
		COALESCE(s.`updated_by`, (SELECT `id` FROM `users` ORDER BY `created_at` LIMIT 1), ''),
		COALESCE(s.`updated_by`, (SELECT `id` FROM `users` ORDER BY `created_at` LIMIT 1), ''),
		1, s.`value`
	FROM `settings` s WHERE s.`key` = 'clinic';
--> statement-breakpoint
DELETE FROM `settings` WHERE `key` IN ('clinic', 'device.code', 'mrn.next');
--> statement-breakpoint
-- Existing log and history rows get their own ids and this laptop's device id. The append-only
-- guards are lifted for this one backfill, inside the migration's transaction, and put back.
DROP TRIGGER `change_log_no_update`;
--> statement-breakpoint
UPDATE `change_log` SET
	`uuid` = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
		substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
	`device_id` = (SELECT `value` FROM `device_state` WHERE `key` = 'device.id');
--> statement-breakpoint
CREATE TRIGGER `change_log_no_update` BEFORE UPDATE ON `change_log`
BEGIN
	SELECT RAISE(ABORT, 'change_log is append-only');
END;
--> statement-breakpoint
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
UPDATE `audit_log` SET
	`uuid` = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
		substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
	`device_id` = (SELECT `value` FROM `device_state` WHERE `key` = 'device.id');
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
UPDATE `patient_history` SET
	`id` = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
		substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
	`device_id` = (SELECT `value` FROM `device_state` WHERE `key` = 'device.id');
--> statement-breakpoint
UPDATE `appointment_history` SET
	`id` = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
		substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
	`device_id` = (SELECT `value` FROM `device_state` WHERE `key` = 'device.id');
--> statement-breakpoint
UPDATE `appointments` SET `token_device` = (SELECT `value` FROM `device_state` WHERE `key` = 'device.id')
	WHERE `token` IS NOT NULL;
--> statement-breakpoint
-- The change log refuses deletion as the audit log does, and names only registered kinds of record.
CREATE TRIGGER `change_log_no_delete` BEFORE DELETE ON `change_log`
BEGIN
	SELECT RAISE(ABORT, 'change_log is append-only');
END;
--> statement-breakpoint
INSERT INTO `record_kinds` (`name`) VALUES ('user'), ('patient'), ('provider_schedule'), ('provider_day_off'),
	('clinic_holiday'), ('appointment_series'), ('appointment'), ('clinic_settings');
--> statement-breakpoint
CREATE TRIGGER `change_log_registered_kind` BEFORE INSERT ON `change_log`
WHEN NOT EXISTS (SELECT 1 FROM `record_kinds` WHERE `name` = NEW.`entity`)
BEGIN
	SELECT RAISE(ABORT, 'change_log.entity must be a registered kind of record');
END;
