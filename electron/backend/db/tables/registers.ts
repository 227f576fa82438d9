/** Kysely types of migration 0008 (number registers). */

export interface NumberRegistersTable {
  /** Which register: `complaint`, `data_service`, later case and letter registers. */
  key: string;
  year: number;
  /** The last number issued; the next one is last + 1. */
  last: number;
}

export interface RegisterTables {
  number_registers: NumberRegistersTable;
}
