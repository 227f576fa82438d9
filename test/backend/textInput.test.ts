/**
 * Input that should be refused (issue 8): broken Unicode, control characters, impossible dates.
 * Each is refused with a clear message and leaves the data exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n';
import { phoneComplaint } from './complaintsFixtures';
import { setUpOffice } from './harness';
import { createPerson, issuesOf, makeShelter, personInput, snapshot } from './registry';

describe('text entering the backend', () => {
  it('refuses a full name of NUL and control characters in names and labels', async () => {
    const t = await setUpOffice();
    const before = snapshot(t.backend);
    const nul = await t.admin.fail('persons.create', personInput({ fullName: '\u0000' }));
    expect(issuesOf(nul)).toEqual([['fullName', 'validation.text_control']]);
    expect(translate('id', 'validation.text_control')).toMatch(/karakter kontrol/);
    const esc = await t.admin.fail('persons.create', personInput({ aliases: ['Budi\u001b[31m'] }));
    expect(issuesOf(esc)).toEqual([['aliases.0', 'validation.text_control']]);
    const tab = await t.admin.fail('shelters.save', { name: 'Rumah\tSinggah', capacity: 5 });
    expect(issuesOf(tab)).toEqual([['name', 'validation.text_single_line']]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('refuses a lone surrogate instead of storing U+FFFD, wherever it is sent', async () => {
    const t = await setUpOffice();
    const person = await createPerson(t.admin);
    const before = snapshot(t.backend);
    const note = await t.admin.fail('persons.update', {
      ...personInput({ notes: 'cek \ud800' }),
      id: person.id,
      version: person.version,
    });
    expect(issuesOf(note)).toEqual([['notes', 'validation.text_encoding']]);
    // A string no field rule covers (an unknown key) is caught before the schema.
    const key = await t.admin.fail('persons.create', { ...personInput(), ['x\udc00']: 1 });
    expect(issuesOf(key)).toEqual([['x\udc00', 'validation.text_encoding']]);
    const cursor = await t.admin.fail('audit.list', { after: '\ud83d' });
    expect(issuesOf(cursor)).toEqual([['after', 'validation.text_encoding']]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('stores NFC text, keeps lines in notes and makes Windows line ends \\n', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, {
      fullName: 'Ade\u0301 Rahma\u0304',
      notes: 'baris satu\r\nbaris dua\tdengan tab',
    });
    expect(p.fullName).toBe('Adé Rahmā');
    expect(p.fullName).toBe(p.fullName.normalize('NFC'));
    expect(p.notes).toBe('baris satu\nbaris dua\tdengan tab');
    // Right-to-left marks are text, not controls.
    const rtl = await createPerson(t.admin, { fullName: '\u200fعلي\u200e Budi' });
    expect(rtl.fullName).toBe('\u200fعلي\u200e Budi');
  });
});

describe('dates that cannot be right', () => {
  it('refuses a birth date before 1900 and in the future', async () => {
    const t = await setUpOffice();
    const early = await t.admin.fail('persons.create', personInput({ birthDate: '1800-01-01' }));
    expect(issuesOf(early)).toEqual([['birthDate', 'person.birth_too_early']]);
    const future = await t.admin.fail('persons.create', personInput({ birthDate: '2027-01-01' }));
    expect(issuesOf(future)).toEqual([['birthDate', 'person.birth_future']]);
    const oldest = await createPerson(t.admin, { birthDate: '1900-01-01' });
    expect(oldest.birthDate).toBe('1900-01-01');
  });

  it('refuses a holiday in 1800 or after 2100', async () => {
    const t = await setUpOffice();
    for (const date of ['1800-08-17', '2101-01-01']) {
      const err = await t.admin.fail('calendar.saveHoliday', {
        date,
        name: 'Hari Kemerdekaan',
        kind: 'national',
      });
      expect(issuesOf(err)).toEqual([['date', 'holiday.date_range']]);
    }
  });

  it('refuses event times before 2000 (a year typed wrong)', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail(
      'complaints.create',
      phoneComplaint({ receivedAt: '1800-01-01T00:00:00Z', backdateReason: 'Salah ketik' }),
    );
    expect(issuesOf(err)).toEqual([['receivedAt', 'validation.time_too_early']]);
    const shelter = await makeShelter(t.admin);
    const p = await createPerson(t.admin);
    const checkIn = await t.admin.fail('stays.checkIn', {
      personId: p.id,
      bedId: shelter.beds.P1!,
      referralSource: 'satpol_pp',
      ppks: ['PPKS-11'],
      checkinAt: '1999-12-31T23:59:00Z',
    });
    expect(issuesOf(checkIn)).toEqual([['checkinAt', 'validation.time_too_early']]);
  });
});
