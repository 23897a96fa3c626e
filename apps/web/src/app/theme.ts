import type { ThemeConfig } from 'antd';

/** The trade-union red of the header and primary actions; everything else stays close to antd defaults. */
export const BRAND_RED = '#b8141d';
export const BRAND_DARK = '#8c0d14';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: '#1d4ed8',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: BRAND_RED, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff', bodyBg: '#f0f2f5' },
    Menu: { itemSelectedBg: '#fdecec', itemSelectedColor: BRAND_RED, itemBorderRadius: 4 },
    Table: { headerBg: '#f5f6f8', headerColor: '#1f2329', rowHoverBg: '#fff7f7' },
    Card: { headerFontSize: 15 },
  },
};
