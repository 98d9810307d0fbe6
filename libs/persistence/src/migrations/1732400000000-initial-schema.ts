import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The first schema. Plain SQL that PostgreSQL 15 and PGlite (PostgreSQL 18) both accept. */
export class InitialSchema1732400000000 implements MigrationInterface {
  name = 'InitialSchema1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('committee', 'general_branch', 'branch')),
        parent_id uuid REFERENCES organisation(id),
        path text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_name_key ON organisation (name)`);
    await q.query(`CREATE INDEX organisation_path_idx ON organisation (path text_pattern_ops)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('secretary', 'supervisor', 'admin')),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        email text,
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (username)`);

    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year int,
        title text,
        source_file_name text NOT NULL,
        source_hash text NOT NULL,
        text text NOT NULL,
        extraction jsonb NOT NULL,
        imported_by uuid REFERENCES app_user(id),
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX report_org_hash_key ON report (organisation_id, source_hash)`);

    await q.query(`
      CREATE TABLE rectification_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES report(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        seq int NOT NULL,
        title text NOT NULL,
        detail text NOT NULL,
        source text NOT NULL CHECK (source IN ('self_inspection', 'superior_review', 'public_appraisal', 'inspection_tour')),
        category text,
        status text NOT NULL CHECK (status IN ('identified', 'measures_set', 'pending_review', 'completed', 'long_term')),
        deadline date,
        owner_id uuid REFERENCES app_user(id),
        responsible_leader text,
        review_interval_days int,
        pending_extension jsonb,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX rectification_item_report_seq_key ON rectification_item (report_id, seq)`,
    );
    await q.query(`CREATE INDEX rectification_item_org_idx ON rectification_item (organisation_id)`);
    await q.query(`CREATE INDEX rectification_item_status_idx ON rectification_item (status)`);

    await q.query(`
      CREATE TABLE measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES rectification_item(id),
        seq int NOT NULL,
        title text NOT NULL,
        detail text NOT NULL,
        responsible text,
        deadline date,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Deferred so one statement can replace an item's measures (delete and insert together).
        CONSTRAINT measure_item_seq_key UNIQUE (item_id, seq) DEFERRABLE INITIALLY DEFERRED
      )`);

    await q.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES rectification_item(id),
        text text NOT NULL,
        file_name text,
        mime_type text,
        size_bytes int,
        storage_key text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evidence_item_idx ON evidence (item_id)`);

    await q.query(`
      CREATE TABLE item_history (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES rectification_item(id),
        seq int NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        event text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        payload jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX item_history_item_seq_key ON item_history (item_id, seq)`);
    // The history is append-only: the database itself refuses to change or remove a line.
    await q.query(`
      CREATE FUNCTION item_history_is_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'item_history is append-only: % is not allowed', TG_OP;
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER item_history_append_only BEFORE UPDATE OR DELETE ON item_history
      FOR EACH ROW EXECUTE FUNCTION item_history_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS item_history_append_only ON item_history`);
    await q.query(`DROP FUNCTION IF EXISTS item_history_is_append_only()`);
    for (const table of [
      'item_history',
      'evidence',
      'measure',
      'rectification_item',
      'report',
      'app_user',
      'organisation',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
