CREATE TABLE `prescription_items` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`prescription_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`product_id` text,
	`name` text NOT NULL,
	`form` text,
	`route` text,
	`lines_json` text,
	`directions` text DEFAULT '' NOT NULL,
	`quantity_value` real,
	`quantity_unit` text,
	`repeats` integer DEFAULT 0 NOT NULL,
	`instructions` text DEFAULT '' NOT NULL,
	`medication_id` text,
	FOREIGN KEY (`prescription_id`) REFERENCES `prescriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`medication_id`) REFERENCES `medications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prescription_items_prescription_idx` ON `prescription_items` (`prescription_id`,`position`);--> statement-breakpoint
CREATE TABLE `prescriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`patient_id` text NOT NULL,
	`visit_id` text NOT NULL,
	`doctor_id` text NOT NULL,
	`status` text NOT NULL,
	`number` text,
	`signed_at` text,
	`cancelled_at` text,
	`cancelled_by` text,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`replaces_id` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prescriptions_patient_idx` ON `prescriptions` (`patient_id`,`status`,`signed_at`);--> statement-breakpoint
CREATE INDEX `prescriptions_visit_idx` ON `prescriptions` (`visit_id`);--> statement-breakpoint
CREATE TABLE `rx_alert_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`item_id` text NOT NULL,
	`prescription_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`message` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `prescription_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prescription_id`) REFERENCES `prescriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rx_alert_overrides_item_idx` ON `rx_alert_overrides` (`item_id`);--> statement-breakpoint
CREATE INDEX `rx_alert_overrides_rule_idx` ON `rx_alert_overrides` (`rule_id`);--> statement-breakpoint
CREATE TABLE `rx_alerts_shown` (
	`id` text PRIMARY KEY NOT NULL,
	`item_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`shown_at` text NOT NULL,
	`shown_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rx_alerts_shown_item_rule_idx` ON `rx_alerts_shown` (`item_id`,`rule_id`);--> statement-breakpoint
CREATE INDEX `rx_alerts_shown_rule_idx` ON `rx_alerts_shown` (`rule_id`);--> statement-breakpoint
CREATE TABLE `rx_favourites` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`doctor_id` text NOT NULL,
	`label` text NOT NULL,
	`item_json` text NOT NULL,
	FOREIGN KEY (`doctor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rx_favourites_doctor_idx` ON `rx_favourites` (`doctor_id`);--> statement-breakpoint
-- ---------------------------------------------------------------------------------------------
-- Hand-written (rx-core): a signed or cancelled prescription's items are immutable in SQL too
-- (the service refuses first; this catches any other writer). Only the link to the medication the
-- item started may be set, which signing does before it marks the prescription signed.
-- ---------------------------------------------------------------------------------------------
CREATE TRIGGER `prescription_items_immutable_when_signed`
BEFORE UPDATE OF `kind`, `product_id`, `name`, `form`, `route`, `lines_json`, `directions`, `quantity_value`, `quantity_unit`, `repeats`, `instructions`, `deleted_at` ON `prescription_items`
WHEN (SELECT `status` FROM `prescriptions` WHERE `id` = OLD.`prescription_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'prescription items are immutable once signed or cancelled');
END;
