import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { batchApi, type Grant, useBatchAction } from '../api';
import { yuan } from '../money';

/** After a failed payment: pay it again (once: the server says whether it still may) or void it. */
export function FailedGrantActions({ grant, onVoid }: { grant: Grant; onVoid: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const repay = useBatchAction((id: number) => batchApi.repay(id));
  return (
    <Space size={4}>
      {grant.repayable && (
        <Popconfirm
          title={t('money.grants.repayConfirm', { name: grant.recipientName, amount: yuan(grant.amountFen) })}
          okText={t('money.confirm')}
          cancelText={t('money.cancel')}
          onConfirm={() =>
            repay.mutateAsync(grant.id).then(
              () => message.success(t('money.grants.repaidOne')),
              (e: unknown) => message.error(errorText(e)),
            )
          }
        >
          <Button size="small" loading={repay.isPending}>
            {t('money.grants.repay')}
          </Button>
        </Popconfirm>
      )}
      <Button size="small" danger onClick={onVoid}>
        {t('money.grants.void')}
      </Button>
    </Space>
  );
}
