/** The person form's values, and how they map to and from the contract. */
import type { Input } from '../../../../shared/contract';
import type { Person } from '../../../../shared/contract/persons';
import { normalizeNik } from '../../../../shared/nik';
import { textsOf } from '../../lib/form';
import type {
  IDENTITY_STATUSES,
  MARITAL_STATUSES,
  RELIGIONS,
} from '../../../../shared/reference/persons';

export type MissingReason = 'unknown' | 'refused';
export type BirthMode = 'date' | 'age' | 'none';

export interface PersonValues {
  fullName: string;
  namePartial: boolean;
  aliases: string[];
  nik: string;
  nikMissing: MissingReason;
  kk: string;
  identityStatus: (typeof IDENTITY_STATUSES)[number] | null;
  identityEvidence: string;
  sex: 'M' | 'F' | null;
  birthPlace: string;
  birthMode: BirthMode;
  birthDate: string;
  estimatedAge: string;
  birthMissing: MissingReason;
  motherName: string;
  maritalStatus: (typeof MARITAL_STATUSES)[number] | null;
  religion: (typeof RELIGIONS)[number] | null;
  phone: string;
  address: string;
  rt: string;
  rw: string;
  villageCode: string | null;
  addressMissing: MissingReason;
  originCode: string | null;
  originMissing: MissingReason;
  disabilities: string;
  notes: string;
}

function reason(code: string): MissingReason {
  return code === 'refused' ? 'refused' : 'unknown';
}

export function emptyValues(prefill: Partial<PersonValues> = {}): PersonValues {
  return {
    fullName: '',
    namePartial: false,
    aliases: [],
    nik: '',
    nikMissing: 'unknown',
    kk: '',
    identityStatus: null,
    identityEvidence: '',
    sex: null,
    birthPlace: '',
    birthMode: 'date',
    birthDate: '',
    estimatedAge: '',
    birthMissing: 'unknown',
    motherName: '',
    maritalStatus: null,
    religion: null,
    phone: '',
    address: '',
    rt: '',
    rw: '',
    villageCode: null,
    addressMissing: 'unknown',
    originCode: null,
    originMissing: 'unknown',
    disabilities: '',
    notes: '',
    ...prefill,
  };
}

export function valuesFrom(p: Person, currentYear: number): PersonValues {
  return {
    ...textsOf(p, [
      'nik',
      'kk',
      'identityEvidence',
      'birthPlace',
      'birthDate',
      'motherName',
      'phone',
      'address',
      'rt',
      'rw',
      'disabilities',
      'notes',
    ]),
    fullName: p.fullName,
    namePartial: p.quality.name === 'partial',
    aliases: [...p.aliases],
    nikMissing: reason(p.quality.nik),
    identityStatus: p.identityStatus,
    sex: p.sex,
    birthMode: p.birthDate ? 'date' : p.birthYear !== null ? 'age' : 'none',
    estimatedAge: !p.birthDate && p.birthYear !== null ? String(currentYear - p.birthYear) : '',
    birthMissing: reason(p.quality.birthDate),
    maritalStatus: p.maritalStatus,
    religion: p.religion,
    villageCode: p.village?.code ?? null,
    addressMissing: reason(p.quality.address),
    originCode: p.origin?.code ?? null,
    originMissing: reason(p.quality.origin),
  };
}

export function toInput(v: PersonValues): Input<'persons.create'> {
  const age = v.estimatedAge.trim() === '' ? null : Number(v.estimatedAge);
  const missing: NonNullable<Input<'persons.create'>['missingReasons']> = {};
  if (!v.nik.trim()) missing.nik = v.nikMissing;
  if (v.birthMode === 'none') missing.birthDate = v.birthMissing;
  if (!v.originCode) missing.origin = v.originMissing;
  if (!v.address.trim() && !v.villageCode) missing.address = v.addressMissing;
  return {
    nik: v.nik,
    kk: v.kk,
    fullName: v.fullName,
    aliases: v.aliases.map((a) => a.trim()).filter(Boolean),
    sex: v.sex,
    birthPlace: v.birthPlace,
    birthDate: v.birthMode === 'date' && v.birthDate ? v.birthDate : null,
    estimatedAge: v.birthMode === 'age' && age !== null && Number.isFinite(age) ? age : null,
    motherName: v.motherName,
    maritalStatus: v.maritalStatus,
    religion: v.religion,
    phone: v.phone,
    address: v.address,
    rt: v.rt,
    rw: v.rw,
    villageCode: v.villageCode,
    originCode: v.originCode,
    // Not chosen: sent as missing, so the backend answers "Wajib diisi" at the field.
    identityStatus: (v.identityStatus ?? undefined) as NonNullable<PersonValues['identityStatus']>,
    identityEvidence: v.identityEvidence,
    disabilities: v.disabilities,
    notes: v.notes,
    missingReasons: missing,
    namePartial: v.namePartial,
  };
}

/** What the duplicate check looks at; a NIK that is not yet 16 digits is left out. */
export function probeOf(v: PersonValues, excludeId?: string): Input<'persons.duplicates'> {
  const nik = normalizeNik(v.nik);
  const input = toInput(v);
  return {
    ...(excludeId ? { excludeId } : {}),
    nik: /^\d{16}$/.test(nik) ? nik : null,
    fullName: v.fullName.trim(),
    aliases: input.aliases ?? [],
    sex: input.sex ?? null,
    birthDate: input.birthDate ?? null,
    estimatedAge: input.estimatedAge ?? null,
    originCode: v.originCode,
    motherName: input.motherName ?? null,
  };
}
