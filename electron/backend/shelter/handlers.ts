/** The rumah singgah domain: configuration, stays, history and figures. */
import type { shelterContract } from '../../../shared/contract/shelter';
import type { HandlersOf } from '../dispatch/context';
import { shelterConfigHandlers } from './config';
import { historyHandlers } from './history';
import { stayHandlers } from './stays';

export const shelterHandlers: HandlersOf<typeof shelterContract> = {
  ...shelterConfigHandlers,
  ...stayHandlers,
  ...historyHandlers,
};
