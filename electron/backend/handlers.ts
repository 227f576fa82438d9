/** Every method's handler, one map per domain. The type makes a missing method a compile error. */
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { calendarHandlers } from './calendar/handlers';
import { complaintAdminHandlers } from './complaints/admin';
import { complaintHandlers } from './complaints/handlers';
import type { Handlers } from './dispatch/dispatch';
import { officeHandlers } from './office/handlers';
import { personHandlers } from './persons/handlers';
import { regionHandlers } from './regions/handlers';
import { shelterHandlers } from './shelter/handlers';
import { userHandlers } from './users/handlers';

export const handlers: Handlers = {
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
};
