/** Every backend method, declared once. The backend must implement each (checked by the compiler). */
import type { z } from 'zod';
import { appContract } from './app';
import { auditContract } from './audit';
import { authContract } from './auth';
import { backupContract } from './backup';
import { calendarContract } from './calendar';
import { casesContract } from './cases';
import { complaintsContract } from './complaints';
import { dtsenContract } from './dtsen';
import { findingsContract } from './findings';
import { lettersContract } from './letters';
import { networkContract } from './network';
import { officeContract } from './office';
import { packetsContract } from './packets';
import { personsContract } from './persons';
import { regionsContract } from './regions';
import { reportsContract } from './reports';
import { rekapContract } from './rekap';
import { shelterContract } from './shelter';
import { usersContract } from './users';

export const contract = {
  ...appContract,
  ...authContract,
  ...usersContract,
  ...officeContract,
  ...auditContract,
  ...regionsContract,
  ...personsContract,
  ...shelterContract,
  ...calendarContract,
  ...complaintsContract,
  ...reportsContract,
  ...backupContract,
  ...packetsContract,
  ...findingsContract,
  ...rekapContract,
  ...dtsenContract,
  ...casesContract,
  ...lettersContract,
  ...networkContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
