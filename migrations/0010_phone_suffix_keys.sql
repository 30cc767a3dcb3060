-- Custom SQL migration file, put your code below! --
-- ---- Hand-written (no schema change): phone suffix keys for patients registered before ----
-- Search finds a phone by its last digits ("43210") through a key holding the number's digits
-- reversed after '~' (shared/phone.ts phoneSuffixKey), so they are a prefix the key index finds.
-- New and edited patients get it from the repository; this adds it for every phone already kept.
-- SQLite has no reverse(): a recursive CTE moves one digit at a time to the front of `acc`.
INSERT INTO `patient_phone_keys` (patient_id, key, seq)
WITH RECURSIVE reversing(patient_id, seq, rest, acc) AS (
	SELECT ph.patient_id, p.local_seq, ph.digits, ''
	FROM `patient_phones` ph JOIN `patients` p ON p.id = ph.patient_id
	WHERE ph.digits <> ''
	UNION ALL
	SELECT patient_id, seq, substr(rest, 2), substr(rest, 1, 1) || acc FROM reversing WHERE rest <> ''
)
SELECT DISTINCT patient_id, '~' || acc, seq FROM reversing
WHERE rest = ''
	AND NOT EXISTS (SELECT 1 FROM `patient_phone_keys` k WHERE k.patient_id = reversing.patient_id AND k.key = '~' || reversing.acc);
