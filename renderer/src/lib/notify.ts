/**
 * The app's notifications: one at a time (a new one replaces the one showing, none queue up),
 * short, and placed by the root `Notifications` where they cover no action or figure.
 */
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

export const NOTIFY_MS = 3000;

export function notify({
  message,
  title,
  color = 'teal',
  autoClose = NOTIFY_MS,
  id,
}: {
  message: ReactNode;
  title?: ReactNode;
  color?: string;
  autoClose?: number | false;
  id?: string;
}): void {
  notifications.clean();
  notifications.show({ id, message, title, color, autoClose, withBorder: true });
}

export function hideNotification(id: string): void {
  notifications.hide(id);
}
