import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from './api';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码 inside the application (from the user menu). */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('password.title')} subtitle={t('password.subtitle')} />
      <Row>
        <Col xs={24} md={16} lg={10}>
          <Card>
            <Typography.Paragraph type="secondary">
              {t('password.account', { username: me.username, name: me.displayName })}
            </Typography.Paragraph>
            <ChangePasswordForm username={me.username} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
