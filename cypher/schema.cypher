// Constraints and indexes, applied at every start-up; IF NOT EXISTS keeps it idempotent.
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (e:Enterprise) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT supplies_id IF NOT EXISTS FOR ()-[s:SUPPLIES]-() REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.key IS UNIQUE;
CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (s:Scenario) REQUIRE s.id IS UNIQUE;
CREATE INDEX enterprise_region IF NOT EXISTS FOR (e:Enterprise) ON (e.region);
CREATE INDEX supplies_product IF NOT EXISTS FOR ()-[s:SUPPLIES]-() ON (s.product);
CREATE INDEX status_change_subject IF NOT EXISTS FOR (c:StatusChange) ON (c.subjectId);
CREATE INDEX graph_change_version IF NOT EXISTS FOR (c:GraphChange) ON (c.version);
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT api_token_name IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.name IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
// A streamed import stages new enterprises under their own label (their links are out of sight
// with them) and marks its history entries with its id, until one short transaction makes them
// visible (see import/publish-enterprises).
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX staged_enterprise_import IF NOT EXISTS FOR (e:StagedEnterprise) ON (e.importId);
CREATE INDEX status_change_import IF NOT EXISTS FOR (c:StatusChange) ON (c.importId);
// Indexes no query uses any more, dropped so writes no longer keep them: history is read by
// subject (then ordered by at), and staged links find their staged ends by elementId.
DROP INDEX status_change_at IF EXISTS;
DROP INDEX staged_enterprise_id IF EXISTS;
// Link filters read mode and status with `$modes IS NULL OR s.mode IN $modes`, which no index serves;
// each relationship index cost an import about 1.5 s per 100k links.
DROP INDEX supplies_mode IF EXISTS;
DROP INDEX supplies_status IF EXISTS;
// Enterprise filters are one WHERE of the same shape, answered by a label scan; region stays for
// unknown-regions. Each was one more index entry for every enterprise a write or a publish makes.
DROP INDEX enterprise_kind IF EXISTS;
DROP INDEX enterprise_status IF EXISTS;
DROP INDEX enterprise_park IF EXISTS;
