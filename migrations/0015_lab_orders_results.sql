CREATE TABLE `lab_order_tests` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`order_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `lab_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lab_order_tests_order_idx` ON `lab_order_tests` (`order_id`,`position`);--> statement-breakpoint
CREATE TABLE `lab_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`doctor_id` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`ordered_at` text NOT NULL,
	`collected_at` text,
	`lab_name` text DEFAULT '' NOT NULL,
	`clinical_note` text DEFAULT '' NOT NULL,
	`cancelled_at` text,
	`cancelled_by` text,
	`cancel_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lab_orders_number_idx` ON `lab_orders` (`number`);--> statement-breakpoint
CREATE INDEX `lab_orders_patient_idx` ON `lab_orders` (`patient_id`,`ordered_at`);--> statement-breakpoint
CREATE INDEX `lab_orders_visit_idx` ON `lab_orders` (`visit_id`);--> statement-breakpoint
CREATE INDEX `lab_orders_doctor_status_idx` ON `lab_orders` (`doctor_id`,`status`);--> statement-breakpoint
CREATE TABLE `lab_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`order_id` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`source_key` text,
	`performer` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`observed_at` text NOT NULL,
	`issued_at` text,
	`comment` text DEFAULT '' NOT NULL,
	`reviewed_at` text,
	`reviewed_by` text,
	`review_comment` text DEFAULT '' NOT NULL,
	`doctor_id` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `lab_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lab_reports_source_key_idx` ON `lab_reports` (`source_key`);--> statement-breakpoint
CREATE INDEX `lab_reports_patient_idx` ON `lab_reports` (`patient_id`,`observed_at`);--> statement-breakpoint
CREATE INDEX `lab_reports_order_idx` ON `lab_reports` (`order_id`);--> statement-breakpoint
CREATE INDEX `lab_reports_inbox_idx` ON `lab_reports` (`doctor_id`,`reviewed_at`);--> statement-breakpoint
CREATE TABLE `lab_results` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`report_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`order_test_id` text,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	`code_system` text DEFAULT 'http://loinc.org' NOT NULL,
	`name` text NOT NULL,
	`value_type` text NOT NULL,
	`value_num` real,
	`comparator` text,
	`unit` text,
	`value_text` text DEFAULT '' NOT NULL,
	`original_value` text DEFAULT '' NOT NULL,
	`original_unit` text DEFAULT '' NOT NULL,
	`ref_low` real,
	`ref_high` real,
	`ref_text` text DEFAULT '' NOT NULL,
	`flag` text,
	`critical` integer DEFAULT false NOT NULL,
	`delta_note` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`observed_at` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `lab_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_test_id`) REFERENCES `lab_order_tests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lab_results_report_idx` ON `lab_results` (`report_id`,`position`);--> statement-breakpoint
CREATE INDEX `lab_results_trend_idx` ON `lab_results` (`patient_id`,`code`,`observed_at`);--> statement-breakpoint
CREATE TABLE `lab_tests` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`unit` text,
	`value_type` text,
	`ranges_json` text DEFAULT '[]' NOT NULL,
	`members_json` text DEFAULT '[]' NOT NULL,
	`hidden` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lab_tests_code_idx` ON `lab_tests` (`code`);--> statement-breakpoint
CREATE TABLE `lab_unmatched` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`source` text NOT NULL,
	`source_key` text NOT NULL,
	`file_name` text DEFAULT '' NOT NULL,
	`payload_json` text NOT NULL,
	`reason` text NOT NULL,
	`candidates_json` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`patient_id` text,
	`report_id` text,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `lab_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lab_unmatched_source_key_idx` ON `lab_unmatched` (`source_key`);--> statement-breakpoint
CREATE INDEX `lab_unmatched_status_idx` ON `lab_unmatched` (`status`);