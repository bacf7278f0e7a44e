-- A delivery to a ministry's feed topic may rest on several legal bases: the access records it
-- with their ids, comma-separated. A declared purpose may be up to 120 characters (AccessRecorder).
ALTER TABLE access_history ALTER COLUMN basis_id TYPE VARCHAR(1024);
ALTER TABLE access_history ALTER COLUMN purpose TYPE VARCHAR(120);
