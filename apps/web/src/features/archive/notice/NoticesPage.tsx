import { PrinterOutlined } from '@ant-design/icons';
import type { HouseholdListItem } from '@bangfu/contracts';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { Link, navigate, usePathname } from '../../../lib/router';
import { usePermission } from '../../auth';
import { useQueue } from '../api';
import { HouseholdTable } from '../components/HouseholdTable';
import { useFileStep } from '../workflow-api';
import NoticePrintPage from './NoticePrintPage';

/** Days left of a notice by the browser's clock (the server decides; this is a hint). */
function Remaining({ h }: { h: HouseholdListItem }) {
  const { t } = useTranslation();
  if (!h.noticeEnd) return null;
  const ms = dayjs(h.noticeEnd).diff(dayjs());
  if (ms <= 0) return <Tag color="green">{t('notice.ended')}</Tag>;
  return <Tag color="gold">{t('notice.daysLeft', { days: Math.ceil(ms / 86_400_000) })}</Tag>;
}

function NoticeList() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const step = useFileStep();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const q = useQueue('notice', page, size);
  const finish = (h: HouseholdListItem) =>
    modal.confirm({
      title: t('archive.step.title.finish-notice'),
      content: t('archive.step.confirm.finish-notice', {
        noticeEnd: h.noticeEnd ? dayjs(h.noticeEnd).format('YYYY-MM-DD HH:mm') : '',
      }),
      okText: t('common.confirm'),
      onOk: () =>
        step
          .mutateAsync({ id: h.id, step: 'finish-notice' })
          .then(() => message.success(t('notice.sentUp', { name: h.name })))
          .catch((e: unknown) => {
            message.error(errorText(e));
          }),
    });
  return (
    <HouseholdTable
      columns={['fileNo', 'name', 'id', 'org', 'grade', 'cause', 'notice']}
      data-testid="notice-table"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: q.error ? errorText(q.error) : t('notice.none') }}
      extra={{
        title: t('common.actions'),
        width: 260,
        render: (h) => (
          <Space size={0} wrap>
            <Remaining h={h} />
            <Link to={`/archive/${h.id}`}>{t('notice.handle')}</Link>
            {can('archive.review') && (
              <Button type="link" size="small" onClick={() => finish(h)}>
                {t('archive.step.title.finish-notice')}
              </Button>
            )}
          </Space>
        ),
      }}
      pagination={{
        current: page,
        pageSize: size,
        total: q.data?.total ?? 0,
        onChange: (p, s) => {
          setPage(p);
          setSize(s);
        },
      }}
    />
  );
}

/** 公示管理: the files on public notice in the caller's subtree, and the printable notice list. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const path = usePathname();
  if (path === '/notices/print') return <NoticePrintPage />;
  return (
    <>
      <PageHeader
        title={t('menu.notices')}
        subtitle={t('notice.subtitle')}
        extra={
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => navigate('/notices/print')}>
            {t('notice.print')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('notice.hint')}</Typography.Paragraph>
        <NoticeList />
      </Card>
    </>
  );
}
