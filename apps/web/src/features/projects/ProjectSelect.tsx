import { Select, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page, Project } from '../../api/types';

interface Props {
  value?: string;
  onChange?: (value: string | undefined, project?: Project) => void;
  placeholder?: string;
  id?: string;
}

/** Picks a project by name (server search `q`); with no text, the caller's own projects come first. */
export function ProjectSelect({ value, onChange, placeholder, id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Project[]>([]);
  const [selected, setSelected] = useState<Project | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!value || selected?.id === value) return;
    api.get<Project>(`/api/projects/${value}`).then(setSelected).catch(() => undefined);
  }, [value, selected?.id]);

  useEffect(() => {
    const timer = setTimeout(() => {
      setLoading(true);
      const query = q.trim() ? { q, limit: 20 } : { ownerId: 'me', limit: 50 };
      api.get<Page<Project>>('/api/projects', query)
        .then((page) => setFound(page.items))
        .catch(() => setFound([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  const options = useMemo(() => {
    const list = [...found];
    if (selected && !list.some((p) => p.id === selected.id)) list.unshift(selected);
    return list.map((p) => ({
      value: p.id,
      label: (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{p.name}</span>
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>{t(`stage.${p.stage}`)}</Tag>
        </div>
      ),
      text: p.name,
      project: p,
    }));
  }, [found, selected, t]);

  return (
    <Select
      id={id}
      data-testid="project-select"
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      value={value}
      placeholder={placeholder}
      options={options}
      optionLabelProp="text"
      onChange={(v, option) => {
        const project = (option as { project?: Project } | undefined)?.project;
        if (project) setSelected(project);
        onChange?.(v, project);
      }}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
    />
  );
}
