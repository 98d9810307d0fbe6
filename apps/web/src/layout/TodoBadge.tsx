import { CheckSquareOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link } from 'react-router-dom';
import { useTodo } from '../features/todo/useTodo';

/**
 * The header's 待办 link with the number of items waiting on the person (counts.total: distinct
 * items over all lists); refreshed after item changes and every minute (useTodo).
 */
export function TodoBadge({ compact }: { compact: boolean }) {
  const { data } = useTodo();
  const count = data?.counts.total ?? 0;
  return (
    <Link
      to="/todo"
      data-testid="todo-badge"
      aria-label={`待办 ${count} 项`}
      title={`待办：${count} 个事项需要处理`}
      style={{ color: '#fff', whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 6 }}
    >
      {/* White on the red header: the brand red of a default badge would vanish into it. */}
      <Badge
        count={count}
        overflowCount={99}
        offset={[4, -2]}
        style={{ backgroundColor: '#fff', color: '#c8161d', fontWeight: 600, boxShadow: 'none' }}
      >
        <CheckSquareOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
      {!compact && <span style={{ fontSize: 14 }}>待办</span>}
    </Link>
  );
}
