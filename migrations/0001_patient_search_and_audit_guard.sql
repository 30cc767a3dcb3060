-- Patient search: FTS5 over names, accent- and case-insensitive, with prefix indexes for
-- search-as-you-type. Row id = patients.local_seq (stable, unlike an implicit rowid after VACUUM).
-- The indexed text is patients.name_key, the names folded by shared/text.ts foldForSearch (which
-- also folds letters such as ø and ß that have no Unicode decomposition); unicode61 with
-- remove_diacritics covers the rest.
CREATE VIRTUAL TABLE `patient_fts` USING fts5(
	`names`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
--> statement-breakpoint
INSERT INTO `patient_fts` (rowid, names)
	SELECT local_seq, name_key FROM `patients` WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_insert` AFTER INSERT ON `patients`
WHEN new.deleted_at IS NULL
BEGIN
	INSERT INTO `patient_fts` (rowid, names) VALUES (new.local_seq, new.name_key);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_update` AFTER UPDATE OF `name_key`, `deleted_at` ON `patients`
BEGIN
	DELETE FROM `patient_fts` WHERE rowid = old.local_seq;
	INSERT INTO `patient_fts` (rowid, names)
		SELECT new.local_seq, new.name_key WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_no_update` BEFORE UPDATE ON `change_log`
BEGIN
	SELECT RAISE(ABORT, 'change_log is append-only');
END;
