/**
 * Where the signed-in app can go: the side navigation's entries and every page's route, each naming
 * the backend method it exists for, so menus and pages follow the backend's permission table.
 */
import {
  IconBed,
  IconBuildingCommunity,
  IconCalendarOff,
  IconCategory,
  IconChartBar,
  IconCopy,
  IconDatabaseExport,
  IconDatabaseImport,
  IconFolders,
  IconGitMerge,
  IconHash,
  IconHome,
  IconKey,
  IconTransfer,
  IconId,
  IconListSearch,
  IconMapPinExclamation,
  IconMail,
  IconSignature,
  IconTemplate,
  IconMessageReport,
  IconSettings,
  IconNetwork,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { MethodName } from '../../../shared/contract';
import type { MessageKey } from '../../../shared/i18n';
import { route } from '../lib/router';
import { Home } from './Home';
import { AuditPage } from './admin/Audit';
import { ComplaintCategoriesPage } from './admin/ComplaintCategories';
import { ComplaintNumberingPage } from './admin/ComplaintNumbering';
import { HolidaysPage } from './admin/Holidays';
import { OfficePage } from './admin/Office';
import { PersonMergePage } from './admin/PersonMerge';
import { DuplicateReviewPage } from './admin/DuplicateReview';
import { SheltersAdminPage } from './admin/Shelters';
import { UsersPage } from './admin/Users';
import { BackupPage } from './backup/BackupPage';
import { CaseSettingsPage } from './cases/admin/CaseSettings';
import { caseRoutes } from './cases/routes';
import { complaintRoutes } from './complaints/routes';
import { NetworkPage } from './network/NetworkPage';
import { KeysPage } from './packets/KeysPage';
import { packetRoutes } from './packets/routes';
import { kelurahanRoutes } from './kelurahan/routes';
import { ClassificationsPage } from './letters/admin/Classifications';
import { SignatoriesPage } from './letters/admin/Signatories';
import { TemplatesPage } from './letters/admin/Templates';
import { letterRoutes } from './letters/routes';
import { personRoutes } from './persons/routes';
import { reportRoutes } from './reports/routes';
import { shelterRoutes } from './shelter/routes';

/** A place in the side navigation: its address, label, icon and the method it exists for. */
export interface NavEntry {
  path: string;
  label: MessageKey;
  needs: MethodName;
  Icon: TablerIcon;
}

function entry(path: string, label: MessageKey, needs: MethodName, Icon: TablerIcon): NavEntry {
  return { path, label, needs, Icon };
}

/** A page under Admin: its place in the navigation and its screen. */
function admin(
  path: string,
  label: MessageKey,
  needs: MethodName,
  Icon: TablerIcon,
  Page: () => ReactNode,
): NavEntry & { page: () => ReactNode } {
  return { ...entry(path, label, needs, Icon), page: () => <Page /> };
}

export const ADMIN_ENTRIES = [
  admin('/admin/users', 'nav.admin.users', 'users.list', IconUsers, UsersPage),
  admin('/admin/office', 'nav.admin.office', 'office.update', IconBuildingCommunity, OfficePage),
  admin('/admin/audit', 'nav.admin.audit', 'audit.list', IconListSearch, AuditPage),
  admin('/admin/shelters', 'nav.admin.shelters', 'shelters.save', IconBed, SheltersAdminPage),
  admin('/admin/merge', 'nav.admin.merge', 'persons.merge', IconGitMerge, PersonMergePage),
  admin(
    '/admin/duplicates',
    'nav.admin.review',
    'persons.reviewQueue',
    IconCopy,
    DuplicateReviewPage,
  ),
  admin(
    '/admin/complaint-categories',
    'nav.admin.complaintCategories',
    'complaints.saveCategory',
    IconCategory,
    ComplaintCategoriesPage,
  ),
  admin(
    '/admin/holidays',
    'nav.admin.holidays',
    'calendar.saveHoliday',
    IconCalendarOff,
    HolidaysPage,
  ),
  admin(
    '/admin/complaint-numbering',
    'nav.admin.complaintNumbering',
    'complaints.saveSettings',
    IconHash,
    ComplaintNumberingPage,
  ),
  admin(
    '/admin/case-settings',
    'nav.admin.caseSettings',
    'cases.saveSettings',
    IconSettings,
    CaseSettingsPage,
  ),
  admin('/admin/backup', 'nav.admin.backup', 'backup.status', IconDatabaseExport, BackupPage),
  admin('/admin/network', 'nav.admin.network', 'network.status', IconNetwork, NetworkPage),
  admin('/admin/exchange-keys', 'nav.admin.exchangeKeys', 'packets.keys', IconKey, KeysPage),
  admin(
    '/admin/letter-templates',
    'nav.admin.letterTemplates',
    'letters.saveTemplate',
    IconTemplate,
    TemplatesPage,
  ),
  admin(
    '/admin/letter-codes',
    'nav.admin.letterCodes',
    'letters.saveClassification',
    IconFolders,
    ClassificationsPage,
  ),
  admin(
    '/admin/signatories',
    'nav.admin.signatories',
    'letters.saveSignatory',
    IconSignature,
    SignatoriesPage,
  ),
];

export const HOME = { path: '/', label: 'nav.home', Icon: IconHome } as const;

/** Main sections in the side navigation; their path is also the prefix that marks them active. */
export const SECTION_ENTRIES: NavEntry[] = [
  entry('/persons', 'nav.persons', 'persons.search', IconId),
  entry('/shelter', 'nav.shelter', 'stays.roster', IconBed),
  entry('/complaints', 'nav.complaints', 'complaints.list', IconMessageReport),
  entry('/cases', 'nav.cases', 'cases.list', IconFolders),
  entry('/letters', 'nav.letters', 'letters.register', IconMail),
  entry('/findings', 'nav.findings', 'findings.list', IconMapPinExclamation),
  entry('/rekap', 'nav.rekap', 'rekap.get', IconChartBar),
  entry('/dtsen', 'nav.dtsen', 'dtsen.lists', IconDatabaseImport),
  entry('/reports', 'nav.reports', 'reports.run', IconChartBar),
  entry('/packets', 'nav.packets', 'packets.inbox', IconTransfer),
];

/** Every page of the signed-in app: the domains' route tables and the admin pages. */
export const ROUTES = [
  route('/', () => <Home />),
  ...personRoutes,
  ...shelterRoutes,
  ...complaintRoutes,
  ...reportRoutes,
  ...packetRoutes,
  ...kelurahanRoutes,
  ...caseRoutes,
  ...letterRoutes,
  ...ADMIN_ENTRIES.map((e) => route(e.path, e.page, e.needs)),
];
