CREATE TABLE `patient_cards` (
	`seq` integer PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`mrn` text NOT NULL,
	`given_names` text NOT NULL,
	`family_name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`birth_date_estimated` integer NOT NULL,
	`phone` text NOT NULL,
	`name_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patient_cards_patient_unique` ON `patient_cards` (`patient_id`);--> statement-breakpoint
-- patient_cards is a projection of patients and their first phone for search result rows (see
-- schema.ts). It is filled here and then kept equal by the triggers below, in the same transaction
-- as every write, whatever code path writes; a deleted patient has no card.
INSERT INTO `patient_cards` (seq, patient_id, mrn, given_names, family_name, sex, birth_date, birth_date_estimated, phone, name_key)
	SELECT p.local_seq, p.id, p.mrn, p.given_names, p.family_name, p.sex, p.birth_date, p.birth_date_estimated,
		COALESCE((SELECT ph.number FROM `patient_phones` ph WHERE ph.patient_id = p.id ORDER BY ph.position LIMIT 1), ''),
		p.name_key
	FROM `patients` p WHERE p.deleted_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `patient_cards_on_patient_insert` AFTER INSERT ON `patients`
WHEN new.deleted_at IS NULL
BEGIN
	INSERT INTO `patient_cards` (seq, patient_id, mrn, given_names, family_name, sex, birth_date, birth_date_estimated, phone, name_key)
	VALUES (new.local_seq, new.id, new.mrn, new.given_names, new.family_name, new.sex, new.birth_date, new.birth_date_estimated,
		COALESCE((SELECT ph.number FROM `patient_phones` ph WHERE ph.patient_id = new.id ORDER BY ph.position LIMIT 1), ''),
		new.name_key);
END;
--> statement-breakpoint
CREATE TRIGGER `patient_cards_on_patient_update`
AFTER UPDATE OF `local_seq`, `mrn`, `given_names`, `family_name`, `sex`, `birth_date`, `birth_date_estimated`, `name_key`, `deleted_at` ON `patients`
BEGIN
	DELETE FROM `patient_cards` WHERE seq = old.local_seq;
	INSERT INTO `patient_cards` (seq, patient_id, mrn, given_names, family_name, sex, birth_date, birth_date_estimated, phone, name_key)
	SELECT new.local_seq, new.id, new.mrn, new.given_names, new.family_name, new.sex, new.birth_date, new.birth_date_estimated,
		COALESCE((SELECT ph.number FROM `patient_phones` ph WHERE ph.patient_id = new.id ORDER BY ph.position LIMIT 1), ''),
		new.name_key
	WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `patient_cards_on_phone_insert` AFTER INSERT ON `patient_phones`
BEGIN
	UPDATE `patient_cards`
	SET phone = COALESCE((SELECT ph.number FROM `patient_phones` ph WHERE ph.patient_id = new.patient_id ORDER BY ph.position LIMIT 1), '')
	WHERE patient_id = new.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER `patient_cards_on_phone_update` AFTER UPDATE ON `patient_phones`
BEGIN
	UPDATE `patient_cards`
	SET phone = COALESCE((SELECT ph.number FROM `patient_phones` ph WHERE ph.patient_id = old.patient_id ORDER BY ph.position LIMIT 1), '')
	WHERE patient_id = old.patient_id;
	UPDATE `patient_cards`
	SET phone = COALESCE((SELECT ph.number FROM `patient_phones` ph WHERE ph.patient_id = new.patient_id ORDER BY ph.position LIMIT 1), '')
	WHERE patient_id = new.patient_id;
END;
--> statement-breakpoint
CREATE TRIGGER `patient_cards_on_phone_delete` AFTER DELETE ON `patient_phones`
BEGIN
	UPDATE `patient_cards`
	SET phone = COALESCE((SELECT ph.number FROM `patient_phones` ph WHERE ph.patient_id = old.patient_id ORDER BY ph.position LIMIT 1), '')
	WHERE patient_id = old.patient_id;
END;
