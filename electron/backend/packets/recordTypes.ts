/**
 * Record types a packet carries, as pluggable modules: persons and shelter stays now; case
 * summaries and referrals register here when the cases domain lands. A module says what one
 * record looks like in the packet (a strict schema: only what the receiver needs), how to
 * collect the records of the chosen persons, and how to apply an accepted one here.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema';
import type { Ctx } from '../dispatch/context';

export interface PacketRecord {
  id: string;
  version: number;
}

export interface Period {
  from: string | null;
  to: string | null;
}

/** Where an incoming record came from, kept with it (and shown as the partner's). */
export interface Source {
  office: string;
  officeName: string;
  packetId: string;
}

/** A record to create here, for its (local) person. */
export interface NewRecord<T extends PacketRecord = PacketRecord> {
  record: T;
  personId: string;
}

export interface RecordModule<T extends PacketRecord = PacketRecord> {
  /** The manifest's record type and the data file's name (`data/<type>.ndjson`). */
  type: string;
  schema: z.ZodType<T>;
  /** The person (source id) this record is about; a person is about itself. */
  personOf(record: T): string;
  /** The records of these persons (local ids) to send, oldest first. */
  collect(db: Kysely<DB>, personIds: string[], period: Period): Promise<T[]>;
  /** Creates the record here for the (local) person; returns its local id. */
  insert(ctx: Ctx, record: T, personId: string, source: Source): Promise<string>;
  /**
   * insert for many records at once (a large packet), with the same result as one insert each;
   * returns the local ids in order. Without it, apply inserts one by one.
   */
  insertMany?(ctx: Ctx, items: readonly NewRecord<T>[], source: Source): Promise<string[]>;
  /** A newer version from the same sender of a record it created here. */
  update(ctx: Ctx, localId: string, record: T, source: Source): Promise<void>;
  /** The sender deleted a record it created here; undefined: this type is never deleted. */
  remove?(ctx: Ctx, localId: string): Promise<void>;
  /** Of these ids (sent before), the records deleted here since: the packet's deletions. */
  missing?(db: Kysely<DB>, ids: string[]): Promise<string[]>;
}

const modules = new Map<string, RecordModule>();

export function registerRecordType<T extends PacketRecord>(m: RecordModule<T>): void {
  if (modules.has(m.type)) throw new Error(`record type ${m.type} registered twice`);
  modules.set(m.type, m as unknown as RecordModule);
}

export function recordType(type: string): RecordModule | undefined {
  return modules.get(type);
}

/** Persons first: every other type hangs on a person. */
export function recordTypes(): RecordModule[] {
  return [...modules.values()];
}

export const PERSONS = 'persons';
