import { AuditOutlined } from '@ant-design/icons';
import { type ReactNode } from 'react';

/**
 * The frame of the pages outside the app's layout (login, the forced password change): the
 * product's name on red over the upper part of the screen, the page's card centred below it.
 */
export function BrandedScreen({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(180deg, #c8161d 0, #c8161d 45%, #f5f5f5 45%)',
      }}
    >
      <div style={{ color: '#fff', textAlign: 'center', marginBottom: 24 }}>
        <AuditOutlined style={{ fontSize: 40 }} />
        <div style={{ fontSize: 26, fontWeight: 600, letterSpacing: 4, marginTop: 8 }}>整改闭环管理</div>
        <div style={{ fontSize: 14, opacity: 0.9, marginTop: 4 }}>基层党组织年度报告问题整改跟踪</div>
      </div>
      {children}
    </div>
  );
}
