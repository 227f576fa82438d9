/**
 * Kysely table types. Column names follow the SQL (snake_case); see migrations/ for constraints.
 * The foundation's tables are here; each later domain adds a file under tables/.
 */
import type { Generated } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { BackupTables } from './tables/backup';
import type { CalendarTables } from './tables/calendar';
import type { CaseTables } from './tables/cases';
import type { ComplaintTables } from './tables/complaints';
import type { FileTables } from './tables/files';
import type { PacketTables } from './tables/packets';
import type { KelurahanTables } from './tables/kelurahan';
import type { LetterTables } from './tables/letters';
import type { PersonTables } from './tables/persons';
import type { RegisterTables } from './tables/registers';
import type { ShelterTables } from './tables/shelter';
import type { Tracked } from './tables/tracked';

export interface OfficeTable extends Tracked {
  id: number;
  name: string;
  region_code: string;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  logo_file_id: string | null;
  head_name: string | null;
  head_nip: string | null;
  head_position: string | null;
  time_zone: string;
  max_stay_days: number;
  /** Kelurahan mode (migration 30): the kelurahan this installation reports for. */
  kelurahan_code: string | null;
}

export interface UsersTable extends Tracked {
  id: string;
  username: string;
  full_name: string;
  nip: string | null;
  position: string | null;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  /** The kelurahan a kelurahan operator works for (migration 0024); null for office staff. */
  kelurahan_code: string | null;
}

export interface UserRolesTable {
  user_id: string;
  role: Role;
}

export interface SessionsTable {
  /** SHA-256 of the token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  username: string | null;
  method: string;
  record_type: string | null;
  record_id: string | null;
  outcome: 'ok' | 'denied' | 'refused';
  changes: string | null;
  note: string | null;
  /** The audited row's table and content hash after the write (audit/rowHash.ts). */
  row_table: string | null;
  row_hash: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: Generated<number>;
  seq: number;
  hash: string;
  at: string;
  reason: 'interval' | 'start' | 'stop' | 'admin';
  user_id: string | null;
  key_id: string;
  public_key: string;
  signature: string;
}

/** One row: the newest entry, signed by every append. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  at: string;
  key_id: string;
  signature: string;
}

export interface RegionsTable {
  code: string;
  parent_code: string | null;
  level: number;
  name: string;
  name_norm: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  hash: string;
  applied_at: string;
}

export interface DB
  extends
    PersonTables,
    ShelterTables,
    CalendarTables,
    RegisterTables,
    ComplaintTables,
    FileTables,
    BackupTables,
    PacketTables,
    KelurahanTables,
    CaseTables,
    LetterTables {
  office: OfficeTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_head: AuditHeadTable;
  regions: RegionsTable;
  app_meta: AppMetaTable;
  schema_migrations: SchemaMigrationsTable;
}
