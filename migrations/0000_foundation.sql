CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`username` text NOT NULL,
	`action` text NOT NULL,
	`patient_id` text,
	`outcome` text NOT NULL,
	`details` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_patient_idx` ON `audit_log` (`patient_id`,`at`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`operation` text NOT NULL,
	`version` integer NOT NULL,
	`changed_at` text NOT NULL,
	`user_id` text
);
--> statement-breakpoint
CREATE INDEX `change_log_entity_idx` ON `change_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `patient_history` (
	`patient_id` text NOT NULL,
	`version` integer NOT NULL,
	`changed_at` text NOT NULL,
	`changed_by` text NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patient_history_patient_version` ON `patient_history` (`patient_id`,`version`);--> statement-breakpoint
CREATE TABLE `patient_identifiers` (
	`patient_id` text NOT NULL,
	`position` integer NOT NULL,
	`system` text NOT NULL,
	`value` text NOT NULL,
	`system_key` text NOT NULL,
	`value_key` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patient_identifiers_unique` ON `patient_identifiers` (`system_key`,`value_key`);--> statement-breakpoint
CREATE INDEX `patient_identifiers_value_idx` ON `patient_identifiers` (`value_key`);--> statement-breakpoint
CREATE INDEX `patient_identifiers_patient_idx` ON `patient_identifiers` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patient_phone_keys` (
	`patient_id` text NOT NULL,
	`key` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_phone_keys_key_idx` ON `patient_phone_keys` (`key`);--> statement-breakpoint
CREATE INDEX `patient_phone_keys_patient_idx` ON `patient_phone_keys` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patient_phones` (
	`patient_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`digits` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_phones_digits_idx` ON `patient_phones` (`digits`);--> statement-breakpoint
CREATE INDEX `patient_phones_patient_idx` ON `patient_phones` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`local_seq` integer NOT NULL,
	`mrn` text NOT NULL,
	`given_names` text NOT NULL,
	`family_name` text NOT NULL,
	`sex` text NOT NULL,
	`gender_identity` text DEFAULT '' NOT NULL,
	`birth_date` text NOT NULL,
	`birth_date_estimated` integer DEFAULT false NOT NULL,
	`address_line` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`emergency_name` text DEFAULT '' NOT NULL,
	`emergency_relationship` text DEFAULT '' NOT NULL,
	`emergency_phone` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`name_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_mrn_unique` ON `patients` (`mrn`);--> statement-breakpoint
CREATE UNIQUE INDEX `patients_local_seq_unique` ON `patients` (`local_seq`);--> statement-breakpoint
CREATE INDEX `patients_name_key_birth_idx` ON `patients` (`name_key`,`birth_date`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`roles` text NOT NULL,
	`disabled_at` text,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (lower("username"));