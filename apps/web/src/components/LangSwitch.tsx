import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { CSSProperties } from 'react';
import { type Lang, setLang, useLang } from '../i18n';

const names: Record<Lang, string> = { 'zh-CN': '简体中文', en: 'English' };

/** 中文 / English, remembered in localStorage. */
export function LangSwitch({ style }: { style?: CSSProperties }) {
  const lang = useLang();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: (Object.keys(names) as Lang[]).map((l) => ({ key: l, label: names[l] })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        style={style}
        data-testid="lang-switch"
        aria-label="Language / 语言"
      >
        {lang === 'en' ? 'EN' : '中文'}
      </Button>
    </Dropdown>
  );
}
