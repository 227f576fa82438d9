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

/** A record to create here, for its (local) person; null for a record about no person yet. */
export interface NewRecord<T extends PacketRecord = PacketRecord> {
  record: T;
  personId: string | null;
}

export interface RecordModule<T extends PacketRecord = PacketRecord> {
  /** The manifest's record type and the data file's name (`data/<type>.ndjson`). */
  type: string;
  schema: z.ZodType<T>;
  /**
   * The person (source id) this record is about; a person is about itself. Null: about nobody in
   * the sender's registry (a finding of someone not yet identified); it is created on its own.
   */
  personOf(record: T): string | null;
  /**
   * The record is created even without its person here (rejected at review, or none named):
   * a finding still reaches the triage queue, where the city links the person.
   */
  personOptional?: boolean;
  /** Whether this office sends the type at all (findings: only a kelurahan-mode installation). */
  sends?(db: Kysely<DB>): Promise<boolean>;
  /**
   * Persons (local ids) this type sends on its own account, beyond those chosen: the persons of
   * the period's findings. They pass the same consent rule as the chosen ones.
   */
  brings?(db: Kysely<DB>, period: Period): Promise<string[]>;
  /** The records of these persons (local ids) to send, oldest first. */
  collect(db: Kysely<DB>, personIds: string[], period: Period): Promise<T[]>;
  /**
   * Checks an opened packet's records of this type against the sender before anything is
   * staged; throws a refusal naming what is wrong.
   */
  check?(
    db: Kysely<DB>,
    records: readonly T[],
    sender: { code: string; name: string },
  ): Promise<void>;
  /** Creates the record here for the (local) person; returns its local id. */
  insert(ctx: Ctx, record: T, personId: string | null, source: Source): Promise<string>;
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

/** The person of a record that cannot be without one (a stay). */
export function personRequired(personId: string | null): string {
  if (!personId) throw new Error('record without its person');
  return personId;
}
