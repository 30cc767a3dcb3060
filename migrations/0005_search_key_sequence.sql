-- Phone keys and identifiers carry their patient's local_seq, so "newest first among patients whose
-- phone or identifier starts with ..." is read from one index, without a lookup per matching key.
-- The repository fills seq from patients on every insert (an explicit NULL fails NOT NULL).
DROP INDEX `patient_identifiers_value_idx`;--> statement-breakpoint
ALTER TABLE `patient_identifiers` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `patient_identifiers` SET seq = (SELECT p.local_seq FROM `patients` p WHERE p.id = `patient_identifiers`.patient_id);--> statement-breakpoint
CREATE INDEX `patient_identifiers_value_idx` ON `patient_identifiers` (`value_key`,`seq`,`patient_id`);--> statement-breakpoint
DROP INDEX `patient_phone_keys_key_idx`;--> statement-breakpoint
ALTER TABLE `patient_phone_keys` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `patient_phone_keys` SET seq = (SELECT p.local_seq FROM `patients` p WHERE p.id = `patient_phone_keys`.patient_id);--> statement-breakpoint
CREATE INDEX `patient_phone_keys_key_idx` ON `patient_phone_keys` (`key`,`seq`,`patient_id`);
