import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DiffOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  GiftOutlined,
  IdcardOutlined,
  InboxOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TransactionOutlined,
  UsergroupDeleteOutlined,
} from '@ant-design/icons';
import type { Action } from '@bangfu/contracts';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

export interface MenuRoute {
  path: string;
  /** i18n key of the menu label and page title. */
  label: string;
  icon: ReactNode;
  /** The action the page needs, or any of several. */
  permission: Action | readonly Action[];
  page: LazyExoticComponent<ComponentType>;
}

/** The pages of the side menu, each its own lazily loaded chunk, shown to users holding the permission. */
export const menuRoutes: MenuRoute[] = [
  {
    path: '/orgs',
    label: 'menu.orgs',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    page: lazy(() => import('../features/orgs/OrgsPage')),
  },
  {
    path: '/archive',
    label: 'menu.archive',
    icon: <FolderOpenOutlined />,
    permission: 'archive.read',
    page: lazy(() => import('../features/archive/ArchivePage')),
  },
  {
    path: '/queue',
    label: 'menu.queue',
    icon: <FileProtectOutlined />,
    permission: 'archive.read',
    page: lazy(() => import('../features/archive/queue/ReviewQueuePage')),
  },
  {
    path: '/reviews',
    label: 'review.menu',
    icon: <CarryOutOutlined />,
    permission: 'archive.read',
    page: lazy(() => import('../features/review/ReviewsPage')),
  },
  {
    path: '/changes',
    label: 'changes.menu',
    icon: <DiffOutlined />,
    permission: 'archive.read',
    page: lazy(() => import('../features/changes/ChangeQueuePage')),
  },
  {
    path: '/notices',
    label: 'menu.notices',
    icon: <NotificationOutlined />,
    permission: 'archive.read',
    page: lazy(() => import('../features/archive/notice/NoticesPage')),
  },
  {
    path: '/clashes',
    label: 'menu.clashes',
    icon: <UsergroupDeleteOutlined />,
    permission: 'archive.read',
    page: lazy(() => import('../features/archive/clashes/ClashesPage')),
  },
  {
    path: '/archive-import',
    label: 'menu.archiveImport',
    icon: <CloudUploadOutlined />,
    permission: 'archive.write',
    page: lazy(() => import('../features/archive/import/ImportPage')),
  },
  {
    path: '/policy',
    label: 'menu.policy',
    icon: <SafetyCertificateOutlined />,
    permission: 'policy.read',
    page: lazy(() => import('../features/policy/PolicyPage')),
  },
  {
    path: '/self',
    label: 'menu.self',
    icon: <IdcardOutlined />,
    permission: 'self.read',
    page: lazy(() => import('../features/self/SelfPage')),
  },
  {
    path: '/programmes',
    label: 'money.menu.programmes',
    icon: <ProfileOutlined />,
    permission: 'programme.read',
    page: lazy(() => import('../features/money/programmes/ProgrammesPage')),
  },
  {
    path: '/batches',
    label: 'money.menu.batches',
    icon: <TransactionOutlined />,
    permission: 'programme.read',
    page: lazy(() => import('../features/money/batches/BatchesPage')),
  },
  {
    path: '/applications',
    label: 'money.menu.applications',
    icon: <FileDoneOutlined />,
    permission: 'programme.read',
    page: lazy(() => import('../features/money/applications/ApplicationsPage')),
  },
  {
    path: '/campaigns',
    label: 'money.menu.campaigns',
    icon: <GiftOutlined />,
    permission: 'programme.read',
    page: lazy(() => import('../features/money/applications/CampaignsPage')),
  },
  {
    path: '/approvals',
    label: 'money.menu.approvals',
    icon: <CheckSquareOutlined />,
    permission: 'payment.approve',
    page: lazy(() => import('../features/money/approvals/ApprovalsPage')),
  },
  {
    path: '/approval-bodies',
    label: 'money.menu.bodies',
    icon: <ClusterOutlined />,
    permission: ['user.read', 'payment.approve'],
    page: lazy(() => import('../features/money/bodies/BodiesPage')),
  },
  {
    path: '/goods',
    label: 'goods.menu.goods',
    icon: <InboxOutlined />,
    permission: 'programme.read',
    page: lazy(() => import('../features/goods/GoodsPage')),
  },
  {
    path: '/certificates',
    label: 'goods.menu.certificates',
    icon: <SafetyOutlined />,
    permission: 'programme.read',
    page: lazy(() => import('../features/certificates/CertificatesPage')),
  },
  {
    path: '/work-orders/new',
    label: 'servicedesk.menu.register',
    icon: <PhoneOutlined />,
    permission: 'servicedesk.write',
    page: lazy(() => import('../features/servicedesk/register/RegisterPage')),
  },
  {
    path: '/work-orders',
    label: 'servicedesk.menu.desk',
    icon: <CustomerServiceOutlined />,
    permission: 'servicedesk.read',
    page: lazy(() => import('../features/servicedesk/WorkOrdersPage')),
  },
  {
    path: '/duty',
    label: 'servicedesk.menu.duty',
    icon: <ScheduleOutlined />,
    permission: 'servicedesk.read',
    page: lazy(() => import('../features/servicedesk/duty/DutyPage')),
  },
  {
    path: '/work-order-settings',
    label: 'servicedesk.menu.settings',
    icon: <FieldTimeOutlined />,
    permission: 'servicedesk.read',
    page: lazy(() => import('../features/servicedesk/settings/DeadlineSettingsPage')),
  },
  {
    path: '/funds',
    label: 'money.menu.funds',
    icon: <AccountBookOutlined />,
    permission: 'fund.read',
    page: lazy(() => import('../features/money/funds/FundsPage')),
  },
  {
    path: '/what-if',
    label: 'money.menu.whatIf',
    icon: <CalculatorOutlined />,
    permission: 'programme.read',
    page: lazy(() => import('../features/money/whatif/WhatIfPage')),
  },
  {
    path: '/legal-aid',
    label: 'legalAid.menu',
    icon: <ReconciliationOutlined />,
    permission: 'legalaid.read',
    page: lazy(() => import('../features/legal-aid/LegalAidPage')),
  },
  {
    path: '/servicedesk-stats',
    label: 'deskStats.menu',
    icon: <BarChartOutlined />,
    permission: 'servicedesk.read',
    page: lazy(() => import('../features/servicedesk-stats/StatsPage')),
  },
  {
    path: '/users',
    label: 'menu.users',
    icon: <TeamOutlined />,
    permission: 'user.read',
    page: lazy(() => import('../features/users/UsersPage')),
  },
  {
    path: '/audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    page: lazy(() => import('../features/audit/AuditPage')),
  },
];

export const PasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));

export function allowedRoutes(permissions: readonly string[]): MenuRoute[] {
  return menuRoutes.filter((r) =>
    (typeof r.permission === 'string' ? [r.permission] : r.permission).some((a) => permissions.includes(a)),
  );
}

/** Where a signed-in user lands: the first page they may open (or the password page, always allowed). */
export function homePath(permissions: readonly string[]): string {
  return allowedRoutes(permissions)[0]?.path ?? '/password';
}
