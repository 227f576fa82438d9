/**
 * Demo rumah singgah: one shelter with rooms per section, people from around Kalimantan Selatan
 * (most from outside the city, several without papers), half a year of stays with their exits,
 * and current residents, two of them past the maximum stay. All synthetic.
 */
import { DEFAULT_TIME_ZONE, todayInZone } from '../../../shared/format';
import { ageOn } from '../../../shared/age';
import { ADULT_AGE } from '../../../shared/placement';
import { ROOM_KINDS, type RoomKind } from '../../../shared/reference/shelter';
import type { Backend } from '../app';
import { demoCall } from './call';

const DAY = 86_400_000;

interface DemoPerson {
  fullName: string;
  sex: 'M' | 'F';
  birthDate?: string;
  estimatedAge?: number;
  nik?: string;
  originCode?: string;
  identityStatus: 'document' | 'disdukcapil' | 'stated' | 'unknown';
  aliases?: string[];
  ppks: string[];
}

const PEOPLE: DemoPerson[] = [
  {
    fullName: 'Ahmad Fauzi',
    sex: 'M',
    birthDate: '1968-04-12',
    nik: '6303021204680003',
    originCode: '63.03',
    identityStatus: 'document',
    ppks: ['PPKS-11'],
  },
  {
    fullName: 'Siti Aminah',
    sex: 'F',
    birthDate: '1951-09-03',
    nik: '6371014309510002',
    originCode: '63.71',
    identityStatus: 'document',
    ppks: ['PPKS-08'],
  },
  {
    fullName: 'Mochammad Noor',
    sex: 'M',
    estimatedAge: 55,
    originCode: '63.01',
    identityStatus: 'stated',
    aliases: ['Amang Noor'],
    ppks: ['PPKS-12', 'PPKS-11'],
  },
  {
    fullName: 'Rusmini',
    sex: 'F',
    estimatedAge: 70,
    originCode: '63.03',
    identityStatus: 'unknown',
    ppks: ['PPKS-08'],
  },
  {
    fullName: 'Budi Santoso',
    sex: 'M',
    birthDate: '1979-01-20',
    nik: '3578012001790011',
    originCode: '35.78',
    identityStatus: 'document',
    ppks: ['PPKS-20'],
  },
  {
    fullName: 'Halimah',
    sex: 'F',
    estimatedAge: 38,
    originCode: '63.71',
    identityStatus: 'stated',
    ppks: ['PPKS-23'],
  },
  {
    fullName: 'Rizky Ramadhan',
    sex: 'M',
    birthDate: '2011-06-02',
    originCode: '63.72',
    identityStatus: 'disdukcapil',
    ppks: ['PPKS-04'],
  },
  { fullName: 'Jamilah', sex: 'F', estimatedAge: 45, identityStatus: 'unknown', ppks: ['PPKS-09'] },
  {
    fullName: 'Syahrani',
    sex: 'M',
    birthDate: '1960-11-30',
    nik: '6372023011600001',
    originCode: '63.72',
    identityStatus: 'document',
    ppks: ['PPKS-13'],
  },
  {
    fullName: 'Abdul Rahman',
    sex: 'M',
    estimatedAge: 62,
    originCode: '63.09',
    identityStatus: 'stated',
    ppks: ['PPKS-11', 'PPKS-12'],
  },
  {
    fullName: 'Nurul Hasanah',
    sex: 'F',
    birthDate: '1998-02-14',
    nik: '6303025402980004',
    originCode: '63.03',
    identityStatus: 'document',
    ppks: ['PPKS-19'],
  },
  {
    fullName: 'Gusti Anang',
    sex: 'M',
    estimatedAge: 40,
    originCode: '63.04',
    identityStatus: 'stated',
    ppks: ['PPKS-17'],
  },
  {
    fullName: 'Fatimah Zahra',
    sex: 'F',
    birthDate: '2016-08-21',
    originCode: '63.71',
    identityStatus: 'disdukcapil',
    ppks: ['PPKS-02'],
  },
  {
    fullName: 'Hendra Wijaya',
    sex: 'M',
    birthDate: '1985-03-05',
    nik: '6471010503850002',
    originCode: '64.71',
    identityStatus: 'document',
    ppks: ['PPKS-15'],
  },
  {
    fullName: 'Laila',
    sex: 'F',
    estimatedAge: 30,
    identityStatus: 'unknown',
    ppks: ['PPKS-23', 'PPKS-19'],
  },
  {
    fullName: 'Irwan Hidayat',
    sex: 'M',
    estimatedAge: 48,
    originCode: '63.01',
    identityStatus: 'stated',
    ppks: ['PPKS-11'],
  },
  {
    fullName: 'Rahmat',
    sex: 'M',
    estimatedAge: 66,
    originCode: '63.72',
    identityStatus: 'stated',
    ppks: ['PPKS-08'],
  },
  {
    fullName: 'Masitah',
    sex: 'F',
    birthDate: '1957-12-01',
    nik: '6371034112570001',
    originCode: '63.71',
    identityStatus: 'document',
    ppks: ['PPKS-08', 'PPKS-24'],
  },
  {
    fullName: 'Dimas Pratama',
    sex: 'M',
    birthDate: '2009-05-17',
    originCode: '63.03',
    identityStatus: 'disdukcapil',
    ppks: ['PPKS-04', 'PPKS-02'],
  },
  { fullName: 'Yusuf', sex: 'M', estimatedAge: 35, identityStatus: 'unknown', ppks: ['PPKS-09'] },
];

const EXITS = [
  ['reunited', '63.71'],
  ['repatriated', '63.03'],
  ['repatriated', '63.01'],
  ['referred_institution', '63.72'],
  ['left', null],
  ['referred_hospital', '63.72'],
  ['repatriated', '35.78'],
  ['reunited', '63.03'],
] as const;

const REFERRALS = [
  'satpol_pp',
  'community',
  'call_112',
  'police',
  'hospital',
  'other_dinsos',
  'self',
] as const;

export async function seedShelterDemo(
  backend: Backend,
  token: string | null,
  now: Date,
): Promise<string | null> {
  let r = await demoCall<{ id: string }>(backend, token, 'shelters.save', {
    name: 'Rumah Singgah Dinas Sosial Kota Banjarbaru',
    address: 'Jl. Trikora, Guntung Manggis, Landasan Ulin, Kota Banjarbaru',
    capacity: 15,
  });
  const shelterId = r.data.id;
  const beds: Record<RoomKind, string[]> = {
    men: [],
    women: [],
    children: [],
    family: [],
    health: [],
  };
  for (const [room, kind, count, prefix] of [
    ['Ruang Laki-laki', 'men', 6, 'L'],
    ['Ruang Perempuan', 'women', 4, 'P'],
    ['Ruang Anak', 'children', 3, 'A'],
    ['Ruang Keluarga', 'family', 2, 'K'],
    ['Ruang Isolasi', 'health', 1, 'I'],
  ] as const) {
    const withRoom = await demoCall<{ rooms: { id: string; name: string }[] }>(
      backend,
      r.token,
      'shelters.saveRoom',
      { shelterId, name: room, kind },
    );
    r = { data: { id: shelterId }, token: withRoom.token };
    const roomId = withRoom.data.rooms.find((x) => x.name === room)!.id;
    for (let i = 1; i <= count; i++) {
      const s = await demoCall<{ rooms: { beds: { id: string; label: string }[] }[] }>(
        backend,
        r.token,
        'shelters.saveBed',
        { roomId, label: `${prefix}${i}` },
      );
      r.token = s.token;
      const bed = s.data.rooms.flatMap((x) => x.beds).find((b) => b.label === `${prefix}${i}`)!;
      beds[kind].push(bed.id);
    }
  }
  token = r.token;

  const personIds: string[] = [];
  for (const p of PEOPLE) {
    const { ppks: _ppks, ...fields } = p;
    const created = await demoCall<{ id: string }>(backend, token, 'persons.create', fields);
    token = created.token;
    personIds.push(created.data.id);
  }

  // Each person sleeps in the room meant for them (shared/placement.ts), beds taken in turn.
  const today = todayInZone(DEFAULT_TIME_ZONE, now);
  const used: Record<RoomKind, number> = { men: 0, women: 0, children: 0, family: 0, health: 0 };
  const bedFor = (p: DemoPerson) => {
    const year = p.birthDate ? null : Number(today.slice(0, 4)) - p.estimatedAge!;
    const age = ageOn({ birthDate: p.birthDate ?? null, birthYear: year }, today)!;
    const kind = age < ADULT_AGE ? 'children' : p.sex === 'F' ? 'women' : 'men';
    return beds[kind][used[kind]++ % beds[kind].length];
  };

  // Half a year of past stays, one after another on the beds, each checked out.
  for (let i = 0; i < 26; i++) {
    const who = i % PEOPLE.length;
    const checkin = now.getTime() - (180 - i * 6) * DAY - 9 * 3_600_000;
    const length = 2 + ((i * 5) % 11);
    const stay = await demoCall<{ id: string; version: number }>(backend, token, 'stays.checkIn', {
      personId: personIds[who],
      bedId: bedFor(PEOPLE[who]!),
      checkinAt: new Date(checkin).toISOString(),
      referralSource: REFERRALS[i % REFERRALS.length],
      ppks: PEOPLE[who]!.ppks,
      condition:
        i % 3 === 0
          ? 'Ditemukan di sekitar pasar, kondisi lemah dan lapar.'
          : 'Kondisi cukup baik.',
      belongings: i % 2 === 0 ? 'Tas kain berisi pakaian' : null,
    });
    token = stay.token;
    const event = await demoCall(backend, token, 'stays.logEvent', {
      stayId: stay.data.id,
      kind: i % 2 === 0 ? 'health_check' : 'family_tracing',
      at: new Date(checkin + 5 * 3_600_000).toISOString(),
      note:
        i % 2 === 0
          ? 'Tekanan darah normal, diberi vitamin.'
          : 'Menghubungi keluarga melalui kelurahan asal.',
    });
    token = event.token;
    const [exit, destination] = EXITS[i % EXITS.length]!;
    const out = await demoCall(backend, token, 'stays.checkOut', {
      id: stay.data.id,
      version: stay.data.version,
      checkoutAt: new Date(checkin + length * DAY).toISOString(),
      exitType: exit,
      destinationCode: destination,
      destinationDetail: exit === 'repatriated' ? 'Diserahkan ke Dinas Sosial daerah asal' : null,
      escort: exit === 'repatriated' ? 'Petugas rumah singgah' : null,
    });
    token = out.token;
  }

  // Current residents: two have stayed past the office's maximum (7 days).
  for (const kind of ROOM_KINDS) used[kind] = 0;
  const currentDays = [10, 9, 5, 3, 2, 1, 0];
  for (let k = 0; k < currentDays.length; k++) {
    const who = PEOPLE.length - 1 - k;
    const checkin = now.getTime() - currentDays[k]! * DAY - 2 * 3_600_000;
    const stay = await demoCall<{ id: string }>(backend, token, 'stays.checkIn', {
      personId: personIds[who],
      bedId: bedFor(PEOPLE[who]!),
      checkinAt: new Date(checkin).toISOString(),
      referralSource: REFERRALS[k % REFERRALS.length],
      ppks: PEOPLE[who]!.ppks,
      condition: 'Diantar petugas, belum makan sejak pagi.',
    });
    token = stay.token;
    const meal = await demoCall(backend, token, 'stays.logEvent', {
      stayId: stay.data.id,
      kind: 'meal',
      at: new Date(Math.min(now.getTime(), checkin + 3_600_000)).toISOString(),
      note: 'Makan siang',
    });
    token = meal.token;
  }
  return token;
}
