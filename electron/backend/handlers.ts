/** Every method's handler, one map per domain. The type makes a missing method a compile error. */
import { auditHandlers } from './audit/handlers';
import { registerRedaction } from './audit/redaction';
import { authHandlers } from './auth/handlers';
import { calendarHandlers } from './calendar/handlers';
import { complaintAdminHandlers } from './complaints/admin';
import { complaintRedaction } from './complaints/confidential';
import { complaintHandlers } from './complaints/handlers';
import { complaintsPersonLink } from './complaints/personLink';
import type { Handlers } from './dispatch/dispatch';
import { letterConfigHandlers } from './letters/config';
import { letterHandlers } from './letters/handlers';
import { lettersPersonLink } from './letters/personLink';
import { officeHandlers } from './office/handlers';
import { personHandlers } from './persons/handlers';
import { registerPersonLink } from './persons/links';
import { regionHandlers } from './regions/handlers';
import { shelterHandlers } from './shelter/handlers';
import { shelterPersonLink } from './shelter/personLink';
import { statusHandlers } from './status/handlers';
import { userHandlers } from './users/handlers';
import { userRedaction } from './users/redaction';

// What each domain holds about a person, and which of its audited fields are secret or sensitive.
registerPersonLink(shelterPersonLink);
registerPersonLink(complaintsPersonLink);
registerPersonLink(lettersPersonLink);
registerRedaction(userRedaction);
registerRedaction(complaintRedaction);

export const handlers: Handlers = {
  ...statusHandlers,
  ...authHandlers,
  ...userHandlers,
  ...officeHandlers,
  ...auditHandlers,
  ...regionHandlers,
  ...personHandlers,
  ...shelterHandlers,
  ...calendarHandlers,
  ...complaintHandlers,
  ...complaintAdminHandlers,
  ...letterHandlers,
  ...letterConfigHandlers,
};
