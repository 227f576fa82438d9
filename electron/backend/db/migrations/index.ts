/** All migrations in order. Add a new file for each change; never edit an applied one. */
import { m0001 } from './0001_core';
import { m0002 } from './0002_audit';
import { m0003 } from './0003_regions';
import { m0004 } from './0004_persons';
import { m0005 } from './0005_shelter';
import { m0006 } from './0006_complaints';
import { m0007 } from './0007_stay_history_index';
import { m0008 } from './0008_registers_calendar';
import { m0009 } from './0009_files';
import { m0010 } from './0010_audit_evidence';
import { m0012 } from './0012_room_kinds';
import { m0013 } from './0013_person_matching';
import { m0014 } from './0014_roles_table';
import { m0015 } from './0015_cases';
import { m0016 } from './0016_exchange_packets';
import { m0017 } from './0017_backups';
import { m0018 } from './0018_letters';
import { m0020 } from './0020_person_year_names';
import { m0024 } from './0024_kelurahan';
import { m0026 } from './0026_case_list_indexes';
import { m0027 } from './0027_case_letter_types';
import { m0028 } from './0028_letter_register_indexes';
import { m0029 } from './0029_report_covering';
import { m0030 } from './0030_kelurahan_office';
import { m0031 } from './0031_stays_left_index';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0020,
  m0024,
  m0026,
  m0027,
  m0028,
  m0029,
  m0030,
  m0031,
];
