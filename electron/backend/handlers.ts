/** Every method's handler, one map per domain. The type makes a missing method a compile error. */
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { complaintAdminHandlers } from './complaints/admin';
import { complaintHandlers } from './complaints/handlers';
import type { Handlers } from './dispatch/dispatch';
import { officeHandlers } from './office/handlers';
import { personHandlers } from './persons/handlers';
import { regionHandlers } from './regions/handlers';
import { shelterHandlers } from './shelter/handlers';
import { statusHandlers } from './status/handlers';
import { userHandlers } from './users/handlers';

export const handlers: Handlers = {
  ...statusHandlers,
  ...authHandlers,
  ...userHandlers,
  ...officeHandlers,
  ...auditHandlers,
  ...regionHandlers,
  ...personHandlers,
  ...shelterHandlers,
  ...complaintHandlers,
  ...complaintAdminHandlers,
};
