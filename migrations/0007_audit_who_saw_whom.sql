CREATE TABLE `audit_log_patients` (
	`audit_uuid` text NOT NULL,
	`patient_id` text NOT NULL,
	PRIMARY KEY(`patient_id`, `audit_uuid`)
);
--> statement-breakpoint
CREATE TRIGGER `audit_log_patients_no_update` BEFORE UPDATE ON `audit_log_patients`
BEGIN
	SELECT RAISE(ABORT, 'audit_log_patients is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_patients_no_delete` BEFORE DELETE ON `audit_log_patients`
BEGIN
	SELECT RAISE(ABORT, 'audit_log_patients is append-only');
END;
