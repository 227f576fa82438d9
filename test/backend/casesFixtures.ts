/** Case data more than one case test needs. */
import type { Input } from '../../shared/contract';

/** An assessment of a neglected elderly man, as the caseworker saves it. */
export const ASSESSMENT: Input<'cases.saveAssessment'>['assessment'] = {
  identity: 'Tidak punya KTP; mengaku dari Martapura.',
  health: 'Pendengaran berkurang, tekanan darah tinggi.',
  family: 'Anak di Banjarmasin, belum dihubungi.',
  housing: 'Tidur di emperan pasar.',
  income: null,
  education: null,
  needs: 'Tempat tinggal, pemeriksaan kesehatan, penelusuran keluarga.',
  risks: 'Cuaca, jatuh.',
  riskLevel: 'high',
  immediateDanger: false,
  summary: null,
};
