ALTER TABLE `patients` ADD `latin_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- ---- Hand-written: search finds a patient by the name in Latin letters too ----
-- patient_fts indexes the folded names (name_key) followed by latin_name; unicode61 with
-- remove_diacritics folds the Latin name's case and accents ("Priya" finds प्रिया शर्मा).
-- name_key itself stays the native names only: duplicate checks compare it.
DROP TRIGGER IF EXISTS `patients_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `patients_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_insert` AFTER INSERT ON `patients`
WHEN new.deleted_at IS NULL
BEGIN
	INSERT INTO `patient_fts` (rowid, names) VALUES (new.local_seq, trim(new.name_key || ' ' || new.latin_name));
END;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_update` AFTER UPDATE OF `name_key`, `latin_name`, `deleted_at` ON `patients`
BEGIN
	DELETE FROM `patient_fts` WHERE rowid = old.local_seq;
	INSERT INTO `patient_fts` (rowid, names)
		SELECT new.local_seq, trim(new.name_key || ' ' || new.latin_name) WHERE new.deleted_at IS NULL;
END;
