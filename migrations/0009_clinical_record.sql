CREATE TABLE `allergies` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`substance` text DEFAULT '' NOT NULL,
	`substance_type` text,
	`reaction` text DEFAULT '' NOT NULL,
	`severity` text,
	`criticality` text,
	`status` text NOT NULL,
	`onset_date` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `allergies_patient_idx` ON `allergies` (`patient_id`,`status`);--> statement-breakpoint
CREATE TABLE `history_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`section` text NOT NULL,
	`description` text NOT NULL,
	`relation` text DEFAULT '' NOT NULL,
	`when_text` text DEFAULT '' NOT NULL,
	`icd10_code` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `history_entries_patient_idx` ON `history_entries` (`patient_id`,`section`);--> statement-breakpoint
CREATE TABLE `icd10_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`description` text NOT NULL,
	`release` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `immunizations` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`cvx_code` text NOT NULL,
	`vaccine` text NOT NULL,
	`given_date` text NOT NULL,
	`dose_number` integer,
	`lot` text DEFAULT '' NOT NULL,
	`site` text DEFAULT '' NOT NULL,
	`route` text DEFAULT '' NOT NULL,
	`given_here` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `immunizations_patient_idx` ON `immunizations` (`patient_id`,`given_date`);--> statement-breakpoint
CREATE TABLE `medications` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`name` text NOT NULL,
	`dose` text DEFAULT '' NOT NULL,
	`route` text DEFAULT '' NOT NULL,
	`frequency` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`start_date` text,
	`stop_date` text,
	`stop_reason` text DEFAULT '' NOT NULL,
	`reconciled_at` text,
	`reconciled_by` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reconciled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `medications_patient_idx` ON `medications` (`patient_id`,`status`);--> statement-breakpoint
CREATE TABLE `note_snippets` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`owner_id` text NOT NULL,
	`abbreviation` text NOT NULL,
	`expansion` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `note_snippets_owner_idx` ON `note_snippets` (`owner_id`,`abbreviation`);--> statement-breakpoint
CREATE TABLE `note_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`subjective` text DEFAULT '' NOT NULL,
	`objective` text DEFAULT '' NOT NULL,
	`assessment` text DEFAULT '' NOT NULL,
	`plan` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`author_id` text NOT NULL,
	`format` text NOT NULL,
	`subjective` text DEFAULT '' NOT NULL,
	`objective` text DEFAULT '' NOT NULL,
	`assessment` text DEFAULT '' NOT NULL,
	`plan` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`signed_at` text,
	`signed_by` text,
	`addendum_to` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_patient_created_idx` ON `notes` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notes_visit_idx` ON `notes` (`visit_id`);--> statement-breakpoint
CREATE INDEX `notes_author_status_idx` ON `notes` (`author_id`,`status`);--> statement-breakpoint
CREATE INDEX `notes_addendum_idx` ON `notes` (`addendum_to`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`category` text NOT NULL,
	`icd10_code` text,
	`description` text NOT NULL,
	`status` text NOT NULL,
	`chronic` integer DEFAULT false NOT NULL,
	`onset_date` text,
	`resolved_date` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problems_patient_idx` ON `problems` (`patient_id`,`status`);--> statement-breakpoint
CREATE TABLE `social_history` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`tobacco` text DEFAULT 'unknown' NOT NULL,
	`tobacco_detail` text DEFAULT '' NOT NULL,
	`alcohol` text DEFAULT 'unknown' NOT NULL,
	`alcohol_detail` text DEFAULT '' NOT NULL,
	`occupation` text DEFAULT '' NOT NULL,
	`pregnancy_status` text,
	`lmp_date` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `social_history_patient_idx` ON `social_history` (`patient_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`appointment_id` text,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_patient_started_idx` ON `visits` (`patient_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `visits_provider_status_idx` ON `visits` (`provider_id`,`status`);--> statement-breakpoint
CREATE INDEX `visits_appointment_idx` ON `visits` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `vitals` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`taken_at` text NOT NULL,
	`systolic` integer,
	`diastolic` integer,
	`pulse` integer,
	`temperature` real,
	`respiratory_rate` integer,
	`spo2` integer,
	`weight` real,
	`height` real,
	`bmi` real,
	`pain` integer,
	`head_circumference` real,
	`muac` real,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vitals_patient_taken_idx` ON `vitals` (`patient_id`,`taken_at`);--> statement-breakpoint
-- Words of ICD-10-CM descriptions for diagnosis search (external content: icd10_codes). The loader
-- (chart/icd10-*.ts) fills icd10_codes and then rebuilds this index in the same transaction.
CREATE VIRTUAL TABLE `icd10_fts` USING fts5(`description`, content='icd10_codes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
