/** The audit rule for record type `user`: passwords never enter the trail, only that they changed. */
import type { RedactionRule } from '../audit/redaction';

export const userRedaction: RedactionRule = {
  recordType: 'user',
  secret: ['password', 'password_hash', 'newPassword'],
};
