/** Every method's handler, one map per domain. The type makes a missing method a compile error. */
import { auditHandlers } from './audit/handlers';
import { registerRedaction } from './audit/redaction';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { calendarHandlers } from './calendar/handlers';
import { sensitiveNoteRedaction } from './cases/access';
import { caseHandlers } from './cases/handlers';
import { casesPersonLink } from './cases/personLink';
import { complaintAdminHandlers } from './complaints/admin';
import { complaintRedaction } from './complaints/confidential';
import { complaintHandlers } from './complaints/handlers';
import { complaintsPersonLink } from './complaints/personLink';
import type { Handlers } from './dispatch/dispatch';
import { dtsenHandlers } from './dtsen/handlers';
import { dtsenPersonLink } from './dtsen/personLink';
import { findingHandlers } from './findings/handlers';
import { findingsPersonLink } from './findings/personLink';
import { letterConfigHandlers } from './letters/config';
import { letterHandlers } from './letters/handlers';
import { lettersPersonLink } from './letters/personLink';
import { networkHandlers } from './network/handlers';
import { officeHandlers } from './office/handlers';
import { packetHandlers } from './packets/handlers';
import { packetsPersonLink } from './packets/personLink';
import { registerRecordType } from './packets/recordTypes';
import { personsModule } from './packets/types/persons';
import { staysModule } from './packets/types/stays';
import { findingsModule } from './packets/types/findings';
import { personHandlers } from './persons/handlers';
import { registerPersonLink } from './persons/links';
import { regionHandlers } from './regions/handlers';
import { reportHandlers } from './reports/handlers';
import { rekapHandlers } from './rekap/handlers';
import { shelterHandlers } from './shelter/handlers';
import { shelterPersonLink } from './shelter/personLink';
import { statusHandlers } from './status/handlers';
import { userHandlers } from './users/handlers';
import { userRedaction } from './users/redaction';

// What each domain holds about a person, and which of its audited fields are secret or sensitive.
registerPersonLink(shelterPersonLink);
registerPersonLink(complaintsPersonLink);
registerPersonLink(casesPersonLink);
registerPersonLink(lettersPersonLink);
registerPersonLink(packetsPersonLink);
registerPersonLink(findingsPersonLink);
registerPersonLink(dtsenPersonLink);
// What a packet to a partner office carries: persons first, then what hangs on them.
registerRecordType(personsModule);
registerRecordType(staysModule);
registerRecordType(findingsModule);
registerRedaction(userRedaction);
registerRedaction(complaintRedaction);
registerRedaction(sensitiveNoteRedaction);

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
  ...reportHandlers,
  ...backupHandlers,
  ...packetHandlers,
  ...findingHandlers,
  ...rekapHandlers,
  ...dtsenHandlers,
  ...caseHandlers,
  ...letterHandlers,
  ...letterConfigHandlers,
  ...networkHandlers,
};
