DROP INDEX `patient_identifiers_value_idx`;--> statement-breakpoint
DROP INDEX `patient_identifiers_patient_idx`;--> statement-breakpoint
CREATE INDEX `patient_identifiers_value_idx` ON `patient_identifiers` (`value_key`,`patient_id`);--> statement-breakpoint
CREATE INDEX `patient_identifiers_patient_idx` ON `patient_identifiers` (`patient_id`,`value_key`);--> statement-breakpoint
DROP INDEX `patient_phone_keys_key_idx`;--> statement-breakpoint
DROP INDEX `patient_phone_keys_patient_idx`;--> statement-breakpoint
CREATE INDEX `patient_phone_keys_key_idx` ON `patient_phone_keys` (`key`,`patient_id`);--> statement-breakpoint
CREATE INDEX `patient_phone_keys_patient_idx` ON `patient_phone_keys` (`patient_id`,`key`);--> statement-breakpoint
DROP INDEX `patient_phones_patient_idx`;--> statement-breakpoint
CREATE INDEX `patient_phones_patient_idx` ON `patient_phones` (`patient_id`,`position`,`number`);