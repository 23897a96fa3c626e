import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PermissionMatrix } from './PermissionMatrix';
import { UserListTab } from './UserListTab';

/** 用户与角色: the accounts of the caller's subtree, and the read-only permission matrix. */
export default function UsersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('menu.users')} subtitle={t('users.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'list', label: t('users.tab.list'), children: <UserListTab /> },
            { key: 'matrix', label: t('users.tab.matrix'), children: <PermissionMatrix /> },
          ]}
        />
      </Card>
    </>
  );
}
