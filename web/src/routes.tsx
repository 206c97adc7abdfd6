import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  EyeOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FormOutlined,
  HomeOutlined,
  ImportOutlined,
  InboxOutlined,
  KeyOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SearchOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Role } from '../../common/roles.ts';
import { STAFF_ROLES } from './session/roles.ts';

const ADMIN_ROLES = ['unit_admin', 'province_admin'] as const satisfies readonly Role[];

/**
 * One page of the signed-in part of the client. Pages load on demand (React.lazy), so each page
 * is its own chunk and the first load stays small.
 *
 * To add a page: create a component with a default export under src/pages/<module>/ and add one
 * entry below. `roles` hides the page (and its menu entry) from accounts without one of the roles;
 * the server still checks every request. Labels are i18n keys "<namespace>:<key>".
 */
export interface AppRoute {
  /** Path relative to the site root, with react-router parameters (":id"). */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Roles that may open the page; absent means any signed-in account. */
  roles?: readonly Role[];
  /** Entry in the side menu; pages without one are reached through links. */
  menu?: { labelKey: string; icon?: ReactNode; order: number };
}

export const appRoutes: AppRoute[] = [
  {
    path: '/',
    page: lazy(() => import('./pages/home/HomePage.tsx')),
    menu: { labelKey: 'common:nav.home', icon: <HomeOutlined />, order: 0 },
  },
  {
    path: '/headcount',
    page: lazy(() => import('./pages/org/HeadcountEntryPage.tsx')),
    roles: STAFF_ROLES,
    menu: { labelKey: 'org:menu.headcount', icon: <TableOutlined />, order: 20 },
  },
  {
    path: '/search',
    page: lazy(() => import('./pages/search/SearchPage.tsx')),
    roles: STAFF_ROLES,
    menu: { labelKey: 'search:menu', icon: <SearchOutlined />, order: 10 },
  },
  {
    path: '/statistics',
    page: lazy(() => import('./pages/statistics/StatisticsPage.tsx')),
    roles: STAFF_ROLES,
    menu: { labelKey: 'statistics:menu', icon: <BarChartOutlined />, order: 40 },
  },
  {
    path: '/statistics/people',
    page: lazy(() => import('./pages/statistics/StatisticsPeoplePage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/units/tree',
    page: lazy(() => import('./pages/org/OrgTreePage.tsx')),
    roles: STAFF_ROLES,
    menu: { labelKey: 'org:menu.tree', icon: <ApartmentOutlined />, order: 30 },
  },
  {
    path: '/units/:id/table',
    page: lazy(() => import('./pages/org/AgencyTablePage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/units/:id/people',
    page: lazy(() => import('./pages/org/UnitPeoplePage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/due-lists',
    page: lazy(() => import('./pages/due-lists/DueListsEntryPage.tsx')),
    roles: STAFF_ROLES,
    menu: { labelKey: 'dueLists:menu', icon: <FieldTimeOutlined />, order: 42 },
  },
  {
    path: '/units/:id/due-lists',
    page: lazy(() => import('./pages/due-lists/DueListsPage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/imports',
    page: lazy(() => import('./pages/import/ImportEntryPage.tsx')),
    roles: ADMIN_ROLES,
    menu: { labelKey: 'import:menu', icon: <ImportOutlined />, order: 58 },
  },
  {
    path: '/units/:id/imports',
    page: lazy(() => import('./pages/import/ImportPage.tsx')),
    roles: ADMIN_ROLES,
  },
  {
    path: '/requests',
    page: lazy(() => import('./pages/requests/RequestsQueuePage.tsx')),
    roles: ['unit_admin', 'province_admin'],
    menu: { labelKey: 'requests:menu.queue', icon: <InboxOutlined />, order: 50 },
  },
  {
    path: '/requests/new',
    page: lazy(() => import('./pages/requests/NewRequestPage.tsx')),
    roles: ['unit_admin', 'province_admin'],
  },
  {
    path: '/requests/:id',
    page: lazy(() => import('./pages/requests/RequestDetailPage.tsx')),
    roles: ['unit_admin', 'province_admin'],
  },
  {
    path: '/reconciliation',
    page: lazy(() => import('./pages/requests/ReconciliationPage.tsx')),
    roles: ['unit_admin', 'province_admin'],
    menu: { labelKey: 'requests:menu.reconciliation', icon: <AuditOutlined />, order: 55 },
  },
  {
    path: '/reorganisation',
    page: lazy(() => import('./pages/reorganisation/ReorganisationPage.tsx')),
    roles: ['province_admin'],
    menu: { labelKey: 'reorganisation:menu', icon: <ClusterOutlined />, order: 35 },
  },
  {
    path: '/notifications',
    page: lazy(() => import('./pages/requests/NotificationsPage.tsx')),
    menu: { labelKey: 'requests:menu.notifications', icon: <BellOutlined />, order: 90 },
  },
  {
    path: '/accounts',
    page: lazy(() => import('./pages/accounts/AccountsPage.tsx')),
    roles: ADMIN_ROLES,
    menu: { labelKey: 'accounts:menu', icon: <TeamOutlined />, order: 60 },
  },
  {
    path: '/accounts/default-passwords',
    page: lazy(() => import('./pages/accounts/DefaultPasswordsPage.tsx')),
    roles: ADMIN_ROLES,
    menu: { labelKey: 'accounts:report.menu', icon: <KeyOutlined />, order: 61 },
  },
  {
    path: '/accounts/:id',
    page: lazy(() => import('./pages/accounts/AccountDetailPage.tsx')),
    roles: ADMIN_ROLES,
  },
  {
    path: '/catalogs',
    page: lazy(() => import('./pages/catalogs/CatalogsPage.tsx')),
    roles: STAFF_ROLES,
    menu: { labelKey: 'catalogs:menu', icon: <BookOutlined />, order: 70 },
  },
  {
    path: '/catalogs/requests',
    page: lazy(() => import('./pages/catalogs/CatalogRequestsPage.tsx')),
    roles: ADMIN_ROLES,
    menu: { labelKey: 'catalogs:requests.menu', icon: <FileAddOutlined />, order: 71 },
  },
  {
    path: '/catalogs/:catalog',
    page: lazy(() => import('./pages/catalogs/CatalogEntriesPage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/record',
    page: lazy(() => import('./pages/records/RecordPage.tsx')),
    roles: ['person'],
    menu: { labelKey: 'declarations:menu.record', icon: <ProfileOutlined />, order: 5 },
  },
  {
    path: '/record/versions/:versionNo',
    page: lazy(() => import('./pages/records/RecordVersionPage.tsx')),
    roles: ['person'],
  },
  {
    path: '/declaration',
    page: lazy(() => import('./pages/declarations/DeclarationPage.tsx')),
    roles: ['person'],
    menu: { labelKey: 'declarations:menu.declaration', icon: <FormOutlined />, order: 6 },
  },
  {
    path: '/my-notifications',
    page: lazy(() => import('./pages/notifications/NotificationsPage.tsx')),
    roles: ['person'],
    menu: { labelKey: 'declarations:menu.notifications', icon: <NotificationOutlined />, order: 7 },
  },
  {
    path: '/record-reads',
    page: lazy(() => import('./pages/security/RecordReadsPage.tsx')),
    roles: ['person'],
    menu: { labelKey: 'security:recordReads.menu', icon: <EyeOutlined />, order: 8 },
  },
  {
    path: '/approvals',
    page: lazy(() => import('./pages/approvals/InboxPage.tsx')),
    roles: ['approver', 'province_admin'],
    menu: { labelKey: 'declarations:menu.approvals', icon: <CheckSquareOutlined />, order: 15 },
  },
  {
    path: '/approvals/:id',
    page: lazy(() => import('./pages/approvals/ReviewPage.tsx')),
    roles: ['approver', 'province_admin'],
  },
  {
    path: '/declaration-progress',
    page: lazy(() => import('./pages/declarations/progress/ProgressEntryPage.tsx')),
    roles: STAFF_ROLES,
    menu: { labelKey: 'declarations:menu.progress', icon: <LineChartOutlined />, order: 25 },
  },
  {
    path: '/units/:id/declaration-progress',
    page: lazy(() => import('./pages/declarations/progress/ProgressPage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/units/:id/needs-fixing',
    page: lazy(() => import('./pages/declarations/progress/NeedsFixingPage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/people/:id/record',
    page: lazy(() => import('./pages/records/RecordPage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/people/:id/record/versions/:versionNo',
    page: lazy(() => import('./pages/records/RecordVersionPage.tsx')),
    roles: STAFF_ROLES,
  },
  {
    path: '/people/:id/declaration',
    page: lazy(() => import('./pages/declarations/DeclarationPage.tsx')),
    roles: ['unit_admin', 'province_admin'],
  },
];
