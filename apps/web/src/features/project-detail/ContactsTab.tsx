import { Button, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Contact, Project } from '../../api/types';
import { useCursorList } from '../../app/use-cursor-list';

/** The investor company's contacts (edited on the company's page). */
export function ContactsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const list = useCursorList<Contact>(`/api/companies/${project.companyId}/contacts`, {}, 50);
  return (
    <List
      size="small"
      loading={list.loading}
      dataSource={list.items}
      header={<Link to={`/companies/${project.companyId}`}>{project.companyName}</Link>}
      locale={{ emptyText: t('common.noData') }}
      loadMore={list.hasMore ? <Button onClick={list.loadMore}>{t('common.loadMore')}</Button> : null}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={<span>{c.name} {c.title && <span className="zs-muted">{c.title}</span>} {c.primary && <Tag color="blue">{t('companies.contact.primary')}</Tag>}</span>}
            description={[c.mobile, c.email, c.wechat && `${t('companies.contact.wechat')} ${c.wechat}`].filter(Boolean).join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}
