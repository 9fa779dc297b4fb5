import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Company, Page } from '../../api/types';

interface Props {
  value?: string;
  onChange?: (value: string | undefined, company?: Company) => void;
  placeholder?: string;
  id?: string;
}

/** Picks a company by name or credit code (server search). */
export function CompanySelect({ value, onChange, placeholder, id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Company[]>([]);
  const [selected, setSelected] = useState<Company | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!value || selected?.id === value) return;
    api.get<Company>(`/api/companies/${value}`).then(setSelected).catch(() => undefined);
  }, [value, selected?.id]);

  useEffect(() => {
    const timer = setTimeout(() => {
      setLoading(true);
      api.get<Page<Company>>('/api/companies', { q, limit: 20 })
        .then((page) => setFound(page.items))
        .catch(() => setFound([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  const options = useMemo(() => {
    const list = [...found];
    if (selected && !list.some((c) => c.id === selected.id)) list.unshift(selected);
    return list.map((c) => ({ value: c.id, label: c.name, company: c }));
  }, [found, selected]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={loading}
      value={value}
      placeholder={placeholder}
      options={options}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
      onChange={(v, option) => {
        const company = (option as { company?: Company } | undefined)?.company;
        if (company) setSelected(company);
        onChange?.(v, company);
      }}
    />
  );
}
