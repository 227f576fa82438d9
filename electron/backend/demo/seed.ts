import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../../shared/roles';
import type { Backend } from '../app';
import { skipFirstPasswordChange } from '../users/firstPassword';
import { seedCaseDemo } from './cases';
import { seedComplaintDemo } from './complaints';
import { seedFindingDemo } from './findings';
import { seedLetterDemo } from './letters';
import { seedShelterDemo } from './shelter';

/** Synthetic staff of a city Dinas Sosial; names and NIPs are invented. */
const STAFF: {
  username: string;
  fullName: string;
  nip: string;
  position: string;
  roles: Role[];
  /** A kelurahan operator's kelurahan. */
  kelurahanCode?: string;
}[] = [
  {
    username: 'rahmat',
    fullName: 'Rahmat Hidayat, S.Sos.',
    nip: '198503122010011004',
    position: 'Kepala Bidang Rehabilitasi Sosial',
    roles: ['viewer'],
  },
  {
    username: 'siti.aminah',
    fullName: 'Siti Aminah, S.Tr.Sos.',
    nip: '199007242015032002',
    position: 'Pekerja Sosial Ahli Pertama',
    roles: ['caseworker'],
  },
  {
    username: 'muhammad.noor',
    fullName: 'Muhammad Noor',
    nip: '198811052014021001',
    position: 'Pengelola Rumah Singgah',
    roles: ['shelter_staff'],
  },
  {
    username: 'nurul.hasanah',
    fullName: 'Nurul Hasanah, A.Md.',
    nip: '199402172019032011',
    position: 'Petugas Pengaduan',
    roles: ['complaint_officer'],
  },
  {
    username: 'akhmad.fauzi',
    fullName: 'Akhmad Fauzi, S.Kom.',
    nip: '199109092017011003',
    position: 'Pranata Komputer',
    roles: ['admin', 'viewer'],
  },
  {
    username: 'dewi.lestari',
    fullName: 'Dewi Lestari, S.Psi.',
    nip: '199512302020122015',
    position: 'Penyuluh Sosial',
    roles: ['caseworker', 'shelter_staff'],
  },
  {
    username: 'op.mentaos',
    fullName: 'Yuliani (Puskesos Mentaos)',
    nip: '199608142022032004',
    position: 'Operator SLRT Kelurahan Mentaos',
    roles: ['kelurahan_operator'],
    kelurahanCode: '63.72.04.1002',
  },
  {
    username: 'mariani',
    fullName: 'Hj. Mariani, S.Sos., M.Si.',
    nip: '197804212005012009',
    position: 'Kepala Seksi Rehabilitasi Sosial',
    roles: ['supervisor'],
  },
];

export interface DemoOutcome {
  seeded: boolean;
  message: string;
}

/** A random password that meets the strength rules; demo accounts never share a fixed one. */
function demoPassword(): string {
  return `Demo-${randomBytes(6).toString('base64url')}${Math.floor(Math.random() * 90 + 10)}`;
}

async function call(
  backend: Backend,
  token: string | null,
  method: string,
  input: unknown,
): Promise<string | null> {
  const result = await backend.dispatch(token, method, input);
  if (!result.response.ok) {
    throw new Error(`Demo data: ${method} failed: ${result.response.error.message.en}`);
  }
  return result.session && 'set' in result.session ? result.session.set : token;
}

/**
 * Fills an EMPTY database with a realistic office through the real backend methods, so every
 * demo record is validated and audited like real work. Refuses a database that holds records.
 */
export async function seedDemo(backend: Backend): Promise<DemoOutcome> {
  const status = await backend.dispatch(null, 'auth.status', {});
  if (status.response.ok && (status.response.data as { setupDone: boolean }).setupDone) {
    return {
      seeded: false,
      message:
        'Demo data NOT added: this database already holds records (demo data is never mixed with real data).',
    };
  }
  const accounts: { username: string; password: string; roles: Role[] }[] = [];
  const adminPassword = demoPassword();
  let token = await call(backend, null, 'auth.setup', {
    office: {
      name: 'Dinas Sosial Kota Banjarbaru',
      regionCode: '63.72',
      address: 'Jl. Pangeran Suriansyah No. 5, Komet, Banjarbaru Utara, Kota Banjarbaru 70711',
      phone: '0511 4772 111',
      email: 'dinsos@banjarbarukota.go.id',
      headName: 'Drs. H. Abdul Karim, M.Si.',
      headNip: '197006151995031002',
      headPosition: 'Kepala Dinas Sosial',
      timeZone: 'Asia/Makassar',
      maxStayDays: 7,
    },
    admin: { username: 'admin', fullName: 'Administrator Pelita', password: adminPassword },
  });
  accounts.push({ username: 'admin', password: adminPassword, roles: ['admin'] });
  for (const s of STAFF) {
    const password = demoPassword();
    token = await call(backend, token, 'users.create', { ...s, password });
    accounts.push({ username: s.username, password, roles: s.roles });
  }
  token = await seedShelterDemo(backend, token, backend.now());
  token = await seedComplaintDemo(backend, token, backend.now());
  token = await seedFindingDemo(backend, token, backend.now());
  token = await seedCaseDemo(backend, token);
  token = await seedLetterDemo(backend, token);
  // Demo accounts skip the first-sign-in password change so a newcomer can look around at once.
  await skipFirstPasswordChange(
    backend.db,
    backend.dataDir,
    STAFF.map((s) => s.username),
    backend.now().toISOString(),
  );
  await backend.db
    .insertInto('app_meta')
    .values({ key: 'demo', value: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  await call(backend, token, 'auth.logout', {});

  const lines = accounts.map(
    (a) => `  ${a.username.padEnd(14)} ${a.password.padEnd(20)} ${a.roles.join(', ')}`,
  );
  const text = ['Demo accounts (synthetic data, passwords generated now):', ...lines].join('\n');
  writeFileSync(join(backend.dataDir, 'demo-accounts.txt'), `${text}\n`, { mode: 0o600 });
  return {
    seeded: true,
    message: `${text}\n(Also saved in ${join(backend.dataDir, 'demo-accounts.txt')})`,
  };
}
