import { Alert, Card, Col, Empty, Result, Row, Spin } from 'antd';
import { useAuth } from '../../auth/auth-context';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { activeOrganisations } from '../../features/organisations/organisation-tree-options';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { ImportedReportsCard } from './ImportedReportsCard';
import { ImportForm } from './ImportForm';
import { ImportResultCard } from './ImportResultCard';
import { Block, PreviewPanel } from './PreviewPanel';
import { ReconciliationView, RecurringList } from './ReconciliationView';
import { ReportTextView } from './ReportTextView';
import { useImportFlow } from './useImportFlow';

/** The name of the organisation with the id, anywhere in the tree. */
function nameIn(nodes: OrganisationNode[], id: string | undefined): string | undefined {
  for (const n of nodes) {
    if (n.id === id) return n.name;
    const below = nameIn(n.children, id);
    if (below) return below;
  }
  return undefined;
}

/** 报告导入 (administrators): preview a report, correct it, import it or only check it. */
export function ImportPage() {
  const { user } = useAuth();
  const { tree, loading: treeLoading } = useOrganisationTree();
  const flow = useImportFlow();

  if (!user?.capabilities.administers) {
    return <Result status="403" title="无权访问" subTitle="只有管理员可以导入报告：请联系管理员。" />;
  }

  const { file, busy, error, extraction, imported, checked } = flow;
  const orgName = nameIn(tree, flow.organisationId);

  return (
    <div data-testid="import-page">
      <ImportForm flow={flow} tree={activeOrganisations(tree)} treeLoading={treeLoading} orgName={orgName} />

      {error && (
        <Alert
          data-testid="import-error"
          type="error"
          showIcon
          title="操作未成功"
          description={error}
          style={{ marginBottom: 16 }}
          closable={{ onClose: flow.clearError }}
        />
      )}

      {imported && <ImportResultCard imported={imported} orgName={orgName} onAgain={flow.startAgain} />}

      {checked && (
        <Card title="核对结果（未导入）" style={{ marginBottom: 16 }} data-testid="reconcile-result">
          <ReconciliationView result={checked} />
          <Block title="反复出现的问题" count={checked.reconciliation.recurring.length}>
            <RecurringList recurring={checked.reconciliation.recurring} />
          </Block>
        </Card>
      )}

      <Spin spinning={busy === 'preview'} description="正在提取…">
        {extraction ? (
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="提取结果" style={{ height: '100%' }}>
                <PreviewPanel
                  extraction={extraction}
                  corrections={flow.corrections}
                  onChange={flow.setCorrections}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`报告原文${file ? `：${file.name}` : ''}`} style={{ height: '100%' }}>
                <ReportTextView extraction={extraction} />
              </Card>
            </Col>
          </Row>
        ) : (
          !imported &&
          !checked && (
            <Card>
              <Empty description="选择报告文件后点击“预览提取结果”，核对无误再确认导入" />
            </Card>
          )
        )}
      </Spin>
      <ImportedReportsCard />
    </div>
  );
}
