import { ConfigProvider, Grid } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode } from 'react';
import { PHONE_THEME, THEME } from './theme';
import './global.css';

/** antd's configuration for every page: Chinese texts, the product's theme, tighter on phones. */
export function ProductTheme({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  return (
    <ConfigProvider
      locale={zhCN}
      theme={phone ? PHONE_THEME : THEME}
      // Card titles wrap instead of being cut off: on phones a title and its hint need two lines.
      card={{ styles: { title: { whiteSpace: 'normal' } } }}
    >
      {children}
    </ConfigProvider>
  );
}
