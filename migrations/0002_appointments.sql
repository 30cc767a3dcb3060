CREATE TABLE `appointment_history` (
	`appointment_id` text NOT NULL,
	`version` integer NOT NULL,
	`changed_at` text NOT NULL,
	`changed_by` text NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_history_appointment_version` ON `appointment_history` (`appointment_id`,`version`);--> statement-breakpoint
CREATE TABLE `appointment_series` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`every` integer NOT NULL,
	`unit` text NOT NULL,
	`count` integer,
	`until_date` text,
	`first_date` text NOT NULL,
	`local_time` text NOT NULL,
	`length_minutes` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`start_utc` text NOT NULL,
	`end_utc` text NOT NULL,
	`length_minutes` integer NOT NULL,
	`clinic_date` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`overbook_reason` text,
	`outside_hours_reason` text,
	`token` integer,
	`arrived_at` text,
	`with_doctor_at` text,
	`done_at` text,
	`no_show_at` text,
	`cancelled_at` text,
	`cancel_reason` text,
	`series_id` text,
	`series_index` integer,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`series_id`) REFERENCES `appointment_series`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_provider_start_idx` ON `appointments` (`provider_id`,`start_utc`);--> statement-breakpoint
CREATE INDEX `appointments_clinic_date_idx` ON `appointments` (`clinic_date`,`status`);--> statement-breakpoint
CREATE INDEX `appointments_patient_idx` ON `appointments` (`patient_id`,`start_utc`);--> statement-breakpoint
CREATE INDEX `appointments_series_idx` ON `appointments` (`series_id`,`start_utc`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_token_unique` ON `appointments` (`clinic_date`,`token`);--> statement-breakpoint
CREATE TABLE `clinic_holidays` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`date` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clinic_holidays_date_idx` ON `clinic_holidays` (`date`);--> statement-breakpoint
CREATE TABLE `provider_days_off` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`provider_id` text NOT NULL,
	`date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `provider_days_off_provider_date_idx` ON `provider_days_off` (`provider_id`,`date`);--> statement-breakpoint
CREATE TABLE `provider_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`provider_id` text NOT NULL,
	`default_length_minutes` integer NOT NULL,
	`weekly_hours` text NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_schedules_provider_unique` ON `provider_schedules` (`provider_id`);